package org.opencps.tenancy;

import java.time.Instant;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A discontinued organization was brought back before it was purged. */
public record OrganizationReactivated(OrgId orgId, OrgId parentId, UserId reactivatedBy, Instant at) {
}
