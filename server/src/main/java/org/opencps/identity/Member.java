package org.opencps.identity;

import java.time.Instant;
import java.util.Set;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;

/** A person as a member of one organization, with the roles they hold there. */
public record Member(OrgId orgId, User user, Set<RoleRef> roles, Instant joinedAt) {
}
