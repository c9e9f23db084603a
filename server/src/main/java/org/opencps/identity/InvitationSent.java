package org.opencps.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** Someone was invited to join the organization with {@code roles}; the link went to {@code email}. */
public record InvitationSent(OrgId org, UUID invitation, UserId invitedBy, String email, Set<RoleRef> roles,
                             Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public InvitationSent(OrgId org, UUID invitation, UserId invitedBy, String email, Set<RoleRef> roles, Instant at) {
        this(org, invitation, invitedBy, email, roles, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
