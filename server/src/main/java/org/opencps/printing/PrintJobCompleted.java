package org.opencps.printing;

import java.time.Instant;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A device reported a released job printed; its document is gone. What reporting records of it:
 * copies and colour mode as released, the pages counted at submission times copies (what quotas
 * were charged) and the pages the device reported, by colour (colour + monochrome = reported), and
 * whether on both sides.
 */
public record PrintJobCompleted(OrgId org, JobId job, UserId owner, DeviceId device, int copies,
                                JobTicket.ColorMode colorMode, int countedPages, int reportedPages, int colorPages,
                                int monochromePages, boolean duplex, Instant at) {
}
