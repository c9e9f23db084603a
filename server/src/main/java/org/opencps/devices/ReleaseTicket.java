package org.opencps.devices;

import java.time.Instant;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;

/**
 * A job released to a printer, as the printer gets it: the ticket to print with (the
 * organization's policy and the person's overrides applied), {@code format} as a MIME media type,
 * and whose job it is, by display name only.
 */
public record ReleaseTicket(JobId jobId, String name, String format, int pages, int copies, JobTicket.ColorMode colorMode,
                            JobTicket.Sides sides, String media, int chargedPages, Owner owner, Instant releasedAt) {

    public record Owner(String displayName) {
    }
}
