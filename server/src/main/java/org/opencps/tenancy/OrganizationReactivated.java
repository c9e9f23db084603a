package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A discontinued organization was brought back before it was purged. */
public record OrganizationReactivated(OrgId orgId, OrgId parentId, UserId reactivatedBy, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public OrganizationReactivated(OrgId orgId, OrgId parentId, UserId reactivatedBy, Instant at) {
        this(orgId, parentId, reactivatedBy, at, UUID.randomUUID());
    }
}
