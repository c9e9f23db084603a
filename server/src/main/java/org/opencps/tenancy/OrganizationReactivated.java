package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A discontinued organization was brought back before it was purged. */
public record OrganizationReactivated(OrgId orgId, OrgId parentId, UserId reactivatedBy, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public OrganizationReactivated(OrgId orgId, OrgId parentId, UserId reactivatedBy, Instant at) {
        this(orgId, parentId, reactivatedBy, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
