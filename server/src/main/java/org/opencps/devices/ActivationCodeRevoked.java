package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** An admin revoked an activation code before it was used. */
public record ActivationCodeRevoked(OrgId org, UUID code, UserId by, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public ActivationCodeRevoked(OrgId org, UUID code, UserId by, Instant at) {
        this(org, code, by, at, UUID.randomUUID());
    }
}
