package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** Failed PIN/card logins in the organization went over the hourly limit; published once per run of refusals. */
public record DeviceLoginsThrottled(OrgId org, DeviceId device) {
}
