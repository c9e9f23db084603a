package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A held job was not released within the organization's retention time; its document is gone. */
public record PrintJobExpired(OrgId org, JobId job, UserId owner, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintJobExpired(OrgId org, JobId job, UserId owner, Instant at) {
        this(org, job, owner, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
