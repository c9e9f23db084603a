package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An organization was created below {@code parentId}; for the audit trail, kept under the parent, which created it. */
public record OrganizationCreated(OrgId orgId, OrgId parentId, OrgKind kind, String name, UserId createdBy, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public OrganizationCreated(OrgId orgId, OrgId parentId, OrgKind kind, String name, UserId createdBy, Instant at) {
        this(orgId, parentId, kind, name, createdBy, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
