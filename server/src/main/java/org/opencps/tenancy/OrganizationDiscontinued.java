package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An organization was discontinued: read-only from now, purged for good at {@code purgeAt}. */
public record OrganizationDiscontinued(OrgId orgId, OrgId parentId, UserId discontinuedBy, Instant at, Instant purgeAt,
                                       UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public OrganizationDiscontinued(OrgId orgId, OrgId parentId, UserId discontinuedBy, Instant at, Instant purgeAt) {
        this(orgId, parentId, discontinuedBy, at, purgeAt, UUID.randomUUID(), RequestOrigin.current());
    }
}
