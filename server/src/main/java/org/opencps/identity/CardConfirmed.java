package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** The owner confirmed a card someone else added: in the portal, or at a printer with their PIN ({@code how}). */
public record CardConfirmed(OrgId org, UserId user, UUID card, String how, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public CardConfirmed(OrgId org, UserId user, UUID card, String how, Instant at) {
        this(org, user, card, how, at, UUID.randomUUID());
    }
}
