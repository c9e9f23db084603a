package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A device reported it could not print a released job: the job is held again and its charge returned. */
public record PrintJobFailed(OrgId org, JobId job, UserId owner, DeviceId device, String message, Instant at,
                             UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintJobFailed(OrgId org, JobId job, UserId owner, DeviceId device, String message, Instant at) {
        this(org, job, owner, device, message, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
