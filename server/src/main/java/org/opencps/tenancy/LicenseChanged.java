package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A provider set a customer's license; {@code before} is null when it had none. */
public record LicenseChanged(OrgId orgId, OrgId parentId, UserId changedBy, License before, License after, Instant at,
                             UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public LicenseChanged(OrgId orgId, OrgId parentId, UserId changedBy, License before, License after, Instant at) {
        this(orgId, parentId, changedBy, before, after, at, UUID.randomUUID());
    }
}
