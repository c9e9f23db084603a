package org.opencps.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A member's roles were set to {@code roles}. */
public record MemberRolesChanged(OrgId org, UserId member, UserId changedBy, Set<RoleRef> roles, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public MemberRolesChanged(OrgId org, UserId member, UserId changedBy, Set<RoleRef> roles, Instant at) {
        this(org, member, changedBy, roles, at, UUID.randomUUID());
    }
}
