package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A person revoked one of their API tokens. */
public record ApiTokenRevoked(OrgId org, UserId user, UUID token, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public ApiTokenRevoked(OrgId org, UserId user, UUID token, Instant at) {
        this(org, user, token, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
