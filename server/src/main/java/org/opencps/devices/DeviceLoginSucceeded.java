package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record DeviceLoginSucceeded(OrgId org, DeviceId device, UserId user, String method) {
}
