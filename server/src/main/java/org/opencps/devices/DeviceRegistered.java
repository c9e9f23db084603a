package org.opencps.devices;

import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** {@code code} is null for a printer an agent added; then {@code agent} is set. */
public record DeviceRegistered(OrgId org, DeviceId device, DeviceKind kind, UUID code, DeviceId agent, String sourceIp) {
}
