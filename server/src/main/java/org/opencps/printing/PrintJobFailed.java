package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A device reported it could not print a released job: the job is held again and its charge returned. */
public record PrintJobFailed(OrgId org, JobId job, UserId owner, DeviceId device, String message, Instant at,
                             UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public PrintJobFailed(OrgId org, JobId job, UserId owner, DeviceId device, String message, Instant at) {
        this(org, job, owner, device, message, at, UUID.randomUUID());
    }
}
