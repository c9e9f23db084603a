package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** No outcome came for a released job in time: the job is held again and its charge returned. */
public record PrintJobReleaseTimedOut(OrgId org, JobId job, UserId owner, DeviceId device, Instant releasedAt,
                                      Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintJobReleaseTimedOut(OrgId org, JobId job, UserId owner, DeviceId device, Instant releasedAt,
                                   Instant at) {
        this(org, job, owner, device, releasedAt, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
