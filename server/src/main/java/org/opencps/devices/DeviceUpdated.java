package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An admin renamed a device, changed its location or moved it to another group. */
public record DeviceUpdated(OrgId org, DeviceId device, Placement before, Placement after, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** What an admin may change of a device; {@code location} and {@code groupId} may be null. */
    public record Placement(String name, String location, UUID groupId) {
    }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DeviceUpdated(OrgId org, DeviceId device, Placement before, Placement after, UserId by, Instant at) {
        this(org, device, before, after, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
