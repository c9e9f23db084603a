package org.opencps.printing;

import java.time.Instant;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A device reported a released job printed; its usage is recorded and its document is gone. */
public record PrintJobCompleted(OrgId org, JobId job, UserId owner, DeviceId device, int countedPages,
                                int reportedPages, Instant at) {
}
