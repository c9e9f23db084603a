package org.opencps.access;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/**
 * What the access policy needs to know of a device: its organization, whether it is an edge agent,
 * the agent that stands in for it (a LAN printer an agent added; else null), and whether it is
 * active. The devices module fills it in.
 */
public record DeviceFacts(OrgId org, DeviceId id, boolean agent, DeviceId agentId, boolean active) {
}
