package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** An active printer a device credential prints for: the printer itself, or one its edge agent stands in for. */
public record ActingPrinter(OrgId orgId, DeviceId id, String name) {
}
