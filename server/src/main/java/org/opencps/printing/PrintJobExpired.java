package org.opencps.printing;

import java.time.Instant;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A held job was not released within the organization's retention time; its document is gone. */
public record PrintJobExpired(OrgId org, JobId job, UserId owner, Instant at) {
}
