package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * A person tried to release their held job to a device and printing refused it: it would take them
 * over a quota, or the organization's print policy does not allow it (colour, one-sided, too many
 * pages). The job stays held. Published in a transaction of its own, as the refused release
 * changed nothing.
 */
public record PrintReleaseRefused(OrgId org, JobId job, UserId owner, DeviceId device, Reason reason, Instant at,
                                  UUID eventId, RequestOrigin origin) {

    public enum Reason { OVER_QUOTA, POLICY }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintReleaseRefused(OrgId org, JobId job, UserId owner, DeviceId device, Reason reason, Instant at) {
        this(org, job, owner, device, reason, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
