package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A person has a new PIN, which they chose to regenerate or an admin ({@code by}) reset. */
public record PinIssued(OrgId org, UserId user, UserId by, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public PinIssued(OrgId org, UserId user, UserId by, Instant at) {
        this(org, user, by, at, UUID.randomUUID());
    }
}
