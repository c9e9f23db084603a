package org.opencps.devices;

import java.time.Instant;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** Consecutive PIN/card failures locked those logins at the device until {@code until}. */
public record DeviceLoginLocked(OrgId org, DeviceId device, Instant until) {
}
