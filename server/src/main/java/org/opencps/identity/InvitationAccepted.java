package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An invitation was accepted: {@code user} is a member of the organization now. */
public record InvitationAccepted(OrgId org, UUID invitation, UserId user, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public InvitationAccepted(OrgId org, UUID invitation, UserId user, Instant at) {
        this(org, invitation, user, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
