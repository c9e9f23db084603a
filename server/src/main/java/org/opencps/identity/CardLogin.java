package org.opencps.identity;

import org.opencps.platform.ids.UserId;

/** What a card, with the PIN sent along if any, is worth at a device. */
public sealed interface CardLogin {

    record Accepted(UserId user) implements CardLogin {
    }

    /** {@code owner} is null when no card of the organization has that number. */
    record Refused(UserId owner, String reason) implements CardLogin {
    }
}
