package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record DeviceRemoved(OrgId org, DeviceId device, UserId by) {
}
