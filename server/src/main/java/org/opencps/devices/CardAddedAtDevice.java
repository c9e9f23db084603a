package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A person logged in at {@code device} added an ID card to their own account there. */
public record CardAddedAtDevice(OrgId org, DeviceId device, UserId user, UUID card, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public CardAddedAtDevice(OrgId org, DeviceId device, UserId user, UUID card, Instant at) {
        this(org, device, user, card, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
