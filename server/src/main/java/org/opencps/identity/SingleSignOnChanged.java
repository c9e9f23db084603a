package org.opencps.identity;

import java.time.Instant;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A customer admin changed the organization's single sign-on (provider or sign-in policy); for the audit trail. */
public record SingleSignOnChanged(OrgId orgId, UserId changedBy, String change, Instant at) {
}
