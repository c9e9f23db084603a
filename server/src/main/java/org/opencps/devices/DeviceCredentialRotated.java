package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** A device took a new credential; the old one no longer works. */
public record DeviceCredentialRotated(OrgId org, DeviceId device, String sourceIp, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public DeviceCredentialRotated(OrgId org, DeviceId device, String sourceIp, Instant at) {
        this(org, device, sourceIp, at, UUID.randomUUID());
    }
}
