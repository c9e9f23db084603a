package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** An admin created a one-time activation code for a device. */
public record ActivationCodeCreated(OrgId org, UUID code, UserId by, Instant expiresAt, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public ActivationCodeCreated(OrgId org, UUID code, UserId by, Instant expiresAt, Instant at) {
        this(org, code, by, expiresAt, at, UUID.randomUUID());
    }
}
