package org.opencps.access;

import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * What the access policy needs to know of a print job: its organization, its owner, and the device
 * it is released to (null while it is not released). The printing module fills it in.
 */
public record JobFacts(OrgId org, UserId owner, DeviceId releasedTo) {
}
