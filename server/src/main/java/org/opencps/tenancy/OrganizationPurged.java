package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.ids.UserId;

/**
 * All data of an organization was deleted for good. {@code purgedBy} is null when the retention
 * period ran out and the scheduled purge removed it.
 * {@code eventId} tells this occurrence from every other, so a listener given it twice acts once.
 */
public record OrganizationPurged(OrgId orgId, OrgId parentId, OrgKind kind, UserId purgedBy, Instant at, Reason reason,
                                 UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public OrganizationPurged(OrgId orgId, OrgId parentId, OrgKind kind, UserId purgedBy, Instant at, Reason reason) {
        this(orgId, parentId, kind, purgedBy, at, reason, UUID.randomUUID());
    }

    public enum Reason { REQUESTED, RETENTION_ENDED }
}
