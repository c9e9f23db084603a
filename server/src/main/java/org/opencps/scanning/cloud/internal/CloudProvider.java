package org.opencps.scanning.cloud.internal;

import org.opencps.scanning.cloud.CloudService;

/** Who runs a service's accounts: OneDrive and SharePoint share Microsoft's OAuth client. */
public enum CloudProvider {
    GOOGLE, MICROSOFT, BOX;

    public static CloudProvider of(CloudService service) {
        return switch (service) {
            case DRIVE -> GOOGLE;
            case ONEDRIVE, SHAREPOINT -> MICROSOFT;
            case BOX -> BOX;
        };
    }
}
