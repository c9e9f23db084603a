package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** {@code user} is null when no person matched (a wrong PIN or card). */
public record DeviceLoginFailed(OrgId org, DeviceId device, UserId user, String method, String reason) {
}
