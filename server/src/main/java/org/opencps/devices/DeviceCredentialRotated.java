package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

public record DeviceCredentialRotated(OrgId org, DeviceId device, String sourceIp) {
}
