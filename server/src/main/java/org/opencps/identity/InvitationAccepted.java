package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** An invitation was accepted: {@code user} is a member of the organization now. */
public record InvitationAccepted(OrgId org, UUID invitation, UserId user, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public InvitationAccepted(OrgId org, UUID invitation, UserId user, Instant at) {
        this(org, invitation, user, at, UUID.randomUUID());
    }
}
