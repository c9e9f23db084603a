package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An admin revoked an activation code before it was used. */
public record ActivationCodeRevoked(OrgId org, UUID code, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public ActivationCodeRevoked(OrgId org, UUID code, UserId by, Instant at) {
        this(org, code, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
