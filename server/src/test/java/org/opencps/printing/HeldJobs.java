package org.opencps.printing;

import java.io.ByteArrayInputStream;
import org.opencps.platform.security.Actor;

/** Held jobs made for release tests: real PDFs with their pages counted by the real printing module. */
final class HeldJobs {

    private HeldJobs() {
    }

    static PrintJob submit(PrintJobs jobs, Actor owner, int pages, int copies, JobTicket.ColorMode colorMode) {
        return submit(jobs, owner, pages, copies, colorMode, JobTicket.Sides.ONE_SIDED);
    }

    static PrintJob submit(PrintJobs jobs, Actor owner, int pages, int copies, JobTicket.ColorMode colorMode,
                           JobTicket.Sides sides) {
        var ticket = new JobTicket("Job of " + pages + " pages", DocumentFormat.PDF, copies, sides, colorMode,
                "iso_a4_210x297mm", JobTicket.Source.API);
        return jobs.submit(owner, ticket, new ByteArrayInputStream(SampleDocuments.pdf(pages)));
    }

    static PrintOutcome printed(int pages, boolean color) {
        return new PrintOutcome(true, pages, color ? pages : 0, color ? 0 : pages, false, null);
    }

    static PrintOutcome failed(String why) {
        return new PrintOutcome(false, 0, 0, 0, false, why);
    }
}
