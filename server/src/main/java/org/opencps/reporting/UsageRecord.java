package org.opencps.reporting;

import java.time.Instant;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;

/**
 * One printed job: who, where, when, the pages counted at submission times copies (what quotas
 * were charged) beside the pages the device reported it printed, by colour, and whether on both
 * sides. {@code pageDifference} = reported minus counted.
 */
public record UsageRecord(OrgId orgId, JobId jobId, UserId userId, DeviceId device, Instant printedAt, int copies,
                          JobTicket.ColorMode colorMode, int countedPages, int reportedPages, int colorPages,
                          int monochromePages, boolean duplex, int pageDifference) {
}
