package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.UserId;

/** Failed password checks in a row locked the account until {@code until}. */
public record AccountLocked(UserId user, Instant until, String sourceIp, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public AccountLocked(UserId user, Instant until, String sourceIp, Instant at) {
        this(user, until, sourceIp, at, UUID.randomUUID());
    }
}
