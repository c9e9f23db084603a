package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.origin.RequestOrigin;

/** A device took a new credential; the old one no longer works. */
public record DeviceCredentialRotated(OrgId org, DeviceId device, String sourceIp, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DeviceCredentialRotated(OrgId org, DeviceId device, String sourceIp, Instant at) {
        this(org, device, sourceIp, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
