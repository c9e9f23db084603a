package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** The owner confirmed a card someone else added: in the portal, or at a printer with their PIN ({@code how}). */
public record CardConfirmed(OrgId org, UserId user, UUID card, String how, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public CardConfirmed(OrgId org, UserId user, UUID card, String how, Instant at) {
        this(org, user, card, how, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
