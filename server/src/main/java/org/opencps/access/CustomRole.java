package org.opencps.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/** A role a customer admin built from granular permissions. */
public record CustomRole(OrgId orgId, UUID id, String name, Set<Permission> permissions, Instant createdAt) {

    public RoleRef ref() {
        return RoleRef.custom(id);
    }
}
