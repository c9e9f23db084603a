package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** Failed password checks in a row locked the account until {@code until}. */
public record AccountLocked(UserId user, Instant until, String sourceIp, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public AccountLocked(UserId user, Instant until, String sourceIp, Instant at) {
        this(user, until, sourceIp, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
