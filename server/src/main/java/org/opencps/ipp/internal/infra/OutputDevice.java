package org.opencps.ipp.internal.infra;

import org.opencps.devices.DeviceKind;
import org.opencps.devices.DevicePrincipal;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/**
 * A registered printer that fetches the jobs released to it over IPP INFRA, as a request reached
 * it: {@code credentialHolder} is the device whose credential the request came with (the printer
 * itself, or its edge agent).
 */
public record OutputDevice(OrgId orgId, DeviceId id, String name, DeviceId credentialHolder) {

    /** The printer as the devices module knows a device whose credential was checked. */
    DevicePrincipal principal() {
        return new DevicePrincipal(orgId, id, DeviceKind.PRINTER);
    }
}
