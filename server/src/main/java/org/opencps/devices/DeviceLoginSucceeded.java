package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A person logged in at a printer; their session there has started. */
public record DeviceLoginSucceeded(OrgId org, DeviceId device, UserId user, String method, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DeviceLoginSucceeded(OrgId org, DeviceId device, UserId user, String method, Instant at) {
        this(org, device, user, method, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
