package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/**
 * A device the Device API is talking to: the holder of the credential presented, or a printer
 * that holder (an edge agent) stands in for. Its organization scopes everything it does.
 */
public record DevicePrincipal(OrgId orgId, DeviceId deviceId, DeviceKind kind) {
}
