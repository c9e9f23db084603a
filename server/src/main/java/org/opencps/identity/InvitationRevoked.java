package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An open invitation was revoked before anyone accepted it. */
public record InvitationRevoked(OrgId org, UUID invitation, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public InvitationRevoked(OrgId org, UUID invitation, UserId by, Instant at) {
        this(org, invitation, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
