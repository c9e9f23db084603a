package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A person created an API token for themselves. */
public record ApiTokenCreated(OrgId org, UserId user, UUID token, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public ApiTokenCreated(OrgId org, UserId user, UUID token, Instant at) {
        this(org, user, token, at, UUID.randomUUID());
    }
}
