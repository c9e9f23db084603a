package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * A device reported a released job printed; its document is gone. What reporting records of it:
 * copies and colour mode as released, the pages counted at submission times copies (what quotas
 * were charged) and the pages the device reported, by colour (colour + monochrome = reported), and
 * whether on both sides.
 * {@code eventId} tells this occurrence from every other, so a listener given it twice acts once.
 */
public record PrintJobCompleted(OrgId org, JobId job, UserId owner, DeviceId device, int copies,
                                JobTicket.ColorMode colorMode, int countedPages, int reportedPages, int colorPages,
                                int monochromePages, boolean duplex, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintJobCompleted(OrgId org, JobId job, UserId owner, DeviceId device, int copies,
                             JobTicket.ColorMode colorMode, int countedPages, int reportedPages, int colorPages,
                             int monochromePages, boolean duplex, Instant at) {
        this(org, job, owner, device, copies, colorMode, countedPages, reportedPages, colorPages,
                monochromePages, duplex, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
