package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A job was accepted (and is HELD, or COMPLETED at once where the organization does not hold jobs). */
public record PrintJobSubmitted(OrgId org, JobId job, UserId owner, DocumentFormat format, long size, int pages,
                                PrintJob.State state, JobTicket.Source source, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintJobSubmitted(OrgId org, JobId job, UserId owner, DocumentFormat format, long size, int pages,
                             PrintJob.State state, JobTicket.Source source, Instant at) {
        this(org, job, owner, format, size, pages, state, source, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
