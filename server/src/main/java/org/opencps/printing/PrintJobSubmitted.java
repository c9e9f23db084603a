package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A job was accepted (and is HELD, or COMPLETED at once where the organization does not hold jobs). */
public record PrintJobSubmitted(OrgId org, JobId job, UserId owner, DocumentFormat format, long size, int pages,
                                PrintJob.State state, JobTicket.Source source, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public PrintJobSubmitted(OrgId org, JobId job, UserId owner, DocumentFormat format, long size, int pages,
                             PrintJob.State state, JobTicket.Source source, Instant at) {
        this(org, job, owner, format, size, pages, state, source, at, UUID.randomUUID());
    }
}
