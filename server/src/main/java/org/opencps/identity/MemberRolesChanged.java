package org.opencps.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A member's roles were set to {@code roles}; they had {@code before} (null in events kept from before it was told). */
public record MemberRolesChanged(OrgId org, UserId member, UserId changedBy, Set<RoleRef> before, Set<RoleRef> roles, Instant at,
                                 UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public MemberRolesChanged(OrgId org, UserId member, UserId changedBy, Set<RoleRef> before, Set<RoleRef> roles, Instant at) {
        this(org, member, changedBy, before, roles, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
