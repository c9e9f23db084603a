package org.opencps.scanning;

import java.time.Instant;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A device's scan was refused ({@code reason}); nothing of it was kept or delivered. */
public record ScanRefused(OrgId org, DeviceId device, UserId person, ScanRefusal.Reason reason, String detail,
                          String sourceIp, Instant at) {
}
