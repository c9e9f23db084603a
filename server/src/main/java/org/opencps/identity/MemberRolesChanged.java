package org.opencps.identity;

import java.util.Set;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record MemberRolesChanged(OrgId org, UserId member, UserId changedBy, Set<RoleRef> roles) {
}
