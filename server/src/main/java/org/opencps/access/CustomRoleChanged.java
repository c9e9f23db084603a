package org.opencps.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A custom role was created or deleted ({@code deleted}), with the permissions it carried. */
public record CustomRoleChanged(OrgId org, UUID roleId, String name, Set<Permission> permissions, boolean deleted, UserId by,
                                Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public CustomRoleChanged(OrgId org, UUID roleId, String name, Set<Permission> permissions, boolean deleted, UserId by,
                             Instant at) {
        this(org, roleId, name, Set.copyOf(permissions), deleted, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
