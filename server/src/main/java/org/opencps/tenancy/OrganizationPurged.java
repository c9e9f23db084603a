package org.opencps.tenancy;

import java.time.Instant;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.ids.UserId;

/**
 * All data of an organization was deleted for good. {@code purgedBy} is null when the retention
 * period ran out and the scheduled purge removed it.
 */
public record OrganizationPurged(OrgId orgId, OrgId parentId, OrgKind kind, UserId purgedBy, Instant at, Reason reason) {

    public enum Reason { REQUESTED, RETENTION_ENDED }
}
