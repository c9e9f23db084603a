package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A person logged in at {@code device} added an ID card to their own account there. */
public record CardAddedAtDevice(OrgId org, DeviceId device, UserId user, UUID card, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public CardAddedAtDevice(OrgId org, DeviceId device, UserId user, UUID card, Instant at) {
        this(org, device, user, card, at, UUID.randomUUID());
    }
}
