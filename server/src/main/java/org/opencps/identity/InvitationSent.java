package org.opencps.identity;

import java.util.Set;
import java.util.UUID;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record InvitationSent(OrgId org, UUID invitation, UserId invitedBy, String email, Set<RoleRef> roles) {
}
