package org.opencps.identity;

import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record ApiTokenCreated(OrgId org, UserId user, UUID token) {
}
