package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A device group was created ({@code before} null), renamed, or deleted ({@code after} null); the names it had. */
public record DeviceGroupChanged(OrgId org, UUID group, String before, String after, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DeviceGroupChanged(OrgId org, UUID group, String before, String after, UserId by, Instant at) {
        this(org, group, before, after, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
