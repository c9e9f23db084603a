package org.opencps.printing;

import java.time.Instant;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A print job as its owner sees it. Pages are counted from the document at submission. */
public record PrintJob(OrgId orgId, JobId id, UserId owner, String name, DocumentFormat format, long size, int pages,
                       int copies, JobTicket.Sides sides, JobTicket.ColorMode colorMode, String media,
                       JobTicket.Source source, State state, Instant submittedAt, Instant expiresAt) {

    public enum State { HELD, RELEASED, PRINTING, COMPLETED, FAILED, CANCELED, EXPIRED }
}
