package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** The account's password was changed, by its owner or ({@code byReset}) with a reset link. */
public record PasswordChanged(UserId user, boolean byReset, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PasswordChanged(UserId user, boolean byReset, Instant at) {
        this(user, byReset, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
