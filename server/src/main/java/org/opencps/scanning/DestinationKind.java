package org.opencps.scanning;

import java.util.Optional;
import org.opencps.scanning.cloud.CloudService;

/** Where a scan can go; an organization allows some of these kinds (all by default). */
public enum DestinationKind {
    /** Kept for the person to download from My scans. */
    MY_SCANS(null),
    /** E-mailed to the person's own address. */
    EMAIL_ME(null),
    /** E-mailed to an address-book entry, or (where the organization allows it) an address typed at the device. */
    ADDRESS_BOOK(null),
    DRIVE(CloudService.DRIVE),
    ONEDRIVE(CloudService.ONEDRIVE),
    SHAREPOINT(CloudService.SHAREPOINT),
    BOX(CloudService.BOX);

    private final CloudService cloud;

    DestinationKind(CloudService cloud) {
        this.cloud = cloud;
    }

    /** The cloud storage service of a cloud kind; empty for the others. */
    public Optional<CloudService> cloud() {
        return Optional.ofNullable(cloud);
    }
}
