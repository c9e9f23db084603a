package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A person's cloud storage account ({@code service}: drive, onedrive, sharepoint or box) was
 * linked or unlinked by them, or the provider revoked the grant (REVOKED: found when a refresh was
 * refused, the link is forgotten). Never a token.
 */
public record CloudAccountChanged(OrgId org, UserId person, String service, Change change, Instant at, UUID eventId) {

    public enum Change { LINKED, UNLINKED, REVOKED }

    public CloudAccountChanged(OrgId org, UserId person, String service, Change change, Instant at) {
        this(org, person, service, change, at, UUID.randomUUID());
    }
}
