package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** A device's own id, its organization, and its credential: shown this once, stored only hashed. */
public record RegisteredDevice(DeviceId deviceId, OrgId organizationId, String credential) {
}
