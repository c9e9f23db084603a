package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A device was unregistered: its credential and its sessions no longer work; it stays listed. */
public record DeviceUnregistered(OrgId org, DeviceId device, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DeviceUnregistered(OrgId org, DeviceId device, UserId by, Instant at) {
        this(org, device, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
