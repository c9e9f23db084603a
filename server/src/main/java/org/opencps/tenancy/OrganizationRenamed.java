package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** The provider directly above renamed an organization from {@code before} to {@code after}. */
public record OrganizationRenamed(OrgId orgId, OrgId parentId, String before, String after, UserId renamedBy, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public OrganizationRenamed(OrgId orgId, OrgId parentId, String before, String after, UserId renamedBy, Instant at) {
        this(orgId, parentId, before, after, renamedBy, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
