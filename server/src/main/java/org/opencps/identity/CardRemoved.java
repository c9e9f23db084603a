package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An ID card was removed from a person's account. */
public record CardRemoved(OrgId org, UserId user, UUID card, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public CardRemoved(OrgId org, UserId user, UUID card, UserId by, Instant at) {
        this(org, user, card, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
