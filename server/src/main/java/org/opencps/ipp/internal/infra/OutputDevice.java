package org.opencps.ipp.internal.infra;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** A registered printer that fetches the jobs released to it over IPP INFRA. */
public record OutputDevice(OrgId orgId, DeviceId id, String name) {
}
