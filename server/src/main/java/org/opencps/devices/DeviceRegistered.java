package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * A device registered itself with an activation code, or an agent added a printer. {@code code}
 * is null for a printer an agent added; then {@code agent} is set.
 */
public record DeviceRegistered(OrgId org, DeviceId device, DeviceKind kind, UUID code, DeviceId agent, String sourceIp, Instant at,
                               UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DeviceRegistered(OrgId org, DeviceId device, DeviceKind kind, UUID code, DeviceId agent, String sourceIp,
                            Instant at) {
        this(org, device, kind, code, agent, sourceIp, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
