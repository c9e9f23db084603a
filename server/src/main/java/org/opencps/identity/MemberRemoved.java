package org.opencps.identity;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record MemberRemoved(OrgId org, UserId member, UserId removedBy) {
}
