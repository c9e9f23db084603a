package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** An ID card was removed from a person's account. */
public record CardRemoved(OrgId org, UserId user, UUID card, UserId by, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public CardRemoved(OrgId org, UserId user, UUID card, UserId by, Instant at) {
        this(org, user, card, by, at, UUID.randomUUID());
    }
}
