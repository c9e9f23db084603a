package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * All data of an organization was deleted for good. {@code purgedBy} is null when the retention
 * period ran out and the scheduled purge removed it.
 * {@code eventId} tells this occurrence from every other, so a listener given it twice acts once.
 */
public record OrganizationPurged(OrgId orgId, OrgId parentId, OrgKind kind, UserId purgedBy, Instant at, Reason reason,
                                 UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public OrganizationPurged(OrgId orgId, OrgId parentId, OrgKind kind, UserId purgedBy, Instant at, Reason reason) {
        this(orgId, parentId, kind, purgedBy, at, reason, UUID.randomUUID(), RequestOrigin.current());
    }

    public enum Reason { REQUESTED, RETENTION_ENDED }
}
