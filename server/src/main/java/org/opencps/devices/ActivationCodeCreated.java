package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An admin created a one-time activation code for a device. */
public record ActivationCodeCreated(OrgId org, UUID code, UserId by, Instant expiresAt, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public ActivationCodeCreated(OrgId org, UUID code, UserId by, Instant expiresAt, Instant at) {
        this(org, code, by, expiresAt, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
