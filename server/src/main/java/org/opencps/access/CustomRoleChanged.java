package org.opencps.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A custom role was created or deleted ({@code deleted}), with the permissions it carried. */
public record CustomRoleChanged(OrgId org, UUID roleId, String name, Set<Permission> permissions, boolean deleted, UserId by,
                                Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public CustomRoleChanged(OrgId org, UUID roleId, String name, Set<Permission> permissions, boolean deleted, UserId by,
                             Instant at) {
        this(org, roleId, name, Set.copyOf(permissions), deleted, by, at, UUID.randomUUID());
    }
}
