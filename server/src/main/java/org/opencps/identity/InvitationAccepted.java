package org.opencps.identity;

import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record InvitationAccepted(OrgId org, UUID invitation, UserId user) {
}
