package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/** A named group of an organization's devices (a floor, a site). */
public record DeviceGroup(OrgId orgId, UUID id, String name, Instant createdAt) {
}
