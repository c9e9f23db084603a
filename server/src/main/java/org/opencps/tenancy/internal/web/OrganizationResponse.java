package org.opencps.tenancy.internal.web;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.Organization;

record OrganizationResponse(UUID id, UUID parentId, OrgKind kind, String name, Organization.Status status,
                            Instant createdAt, Instant discontinuedAt) {

    static OrganizationResponse of(Organization org) {
        return new OrganizationResponse(org.id().value(), org.parentId() == null ? null : org.parentId().value(),
                org.kind(), org.name(), org.status(), org.createdAt(), org.discontinuedAt());
    }
}
