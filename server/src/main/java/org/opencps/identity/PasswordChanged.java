package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.UserId;

/** The account's password was changed, by its owner or ({@code byReset}) with a reset link. */
public record PasswordChanged(UserId user, boolean byReset, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public PasswordChanged(UserId user, boolean byReset, Instant at) {
        this(user, byReset, at, UUID.randomUUID());
    }
}
