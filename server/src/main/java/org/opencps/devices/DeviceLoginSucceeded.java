package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A person logged in at a printer; their session there has started. */
public record DeviceLoginSucceeded(OrgId org, DeviceId device, UserId user, String method, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public DeviceLoginSucceeded(OrgId org, DeviceId device, UserId user, String method, Instant at) {
        this(org, device, user, method, at, UUID.randomUUID());
    }
}
