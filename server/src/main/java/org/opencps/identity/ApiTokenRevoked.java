package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A person revoked one of their API tokens. */
public record ApiTokenRevoked(OrgId org, UserId user, UUID token, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public ApiTokenRevoked(OrgId org, UserId user, UUID token, Instant at) {
        this(org, user, token, at, UUID.randomUUID());
    }
}
