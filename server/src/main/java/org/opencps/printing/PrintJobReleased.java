package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** Its owner released a held job to a device; {@code chargedPages} were charged to their quotas. */
public record PrintJobReleased(OrgId org, JobId job, UserId owner, DeviceId device, int chargedPages,
                               JobTicket.ColorMode colorMode, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintJobReleased(OrgId org, JobId job, UserId owner, DeviceId device, int chargedPages,
                            JobTicket.ColorMode colorMode, Instant at) {
        this(org, job, owner, device, chargedPages, colorMode, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
