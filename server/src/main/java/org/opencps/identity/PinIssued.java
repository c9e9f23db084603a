package org.opencps.identity;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record PinIssued(OrgId org, UserId user, UserId by) {
}
