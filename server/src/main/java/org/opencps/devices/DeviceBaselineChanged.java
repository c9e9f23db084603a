package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** The security settings an organization's devices should have on were changed, from {@code before} to {@code after}. */
public record DeviceBaselineChanged(OrgId org, UserId by, SecuritySettings before, SecuritySettings after, Instant at,
                                    UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DeviceBaselineChanged(OrgId org, UserId by, SecuritySettings before, SecuritySettings after, Instant at) {
        this(org, by, before, after, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
