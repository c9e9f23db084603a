package org.opencps.printing;

import java.time.Instant;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** Its owner canceled a job; its document is gone. */
public record PrintJobDeleted(OrgId org, JobId job, UserId owner, Instant at) {
}
