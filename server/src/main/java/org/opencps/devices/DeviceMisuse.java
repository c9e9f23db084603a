package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * Something a device or a person should never do: use a person's session from another device,
 * name a job of another person or organization, or one not released to the device. Refused;
 * nothing changed. {@code person} is null when no person was involved.
 */
public record DeviceMisuse(OrgId org, DeviceId device, UserId person, String what, String sourceIp) {
}
