package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A person has a new PIN, which they chose to regenerate or an admin ({@code by}) reset. */
public record PinIssued(OrgId org, UserId user, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PinIssued(OrgId org, UserId user, UserId by, Instant at) {
        this(org, user, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
