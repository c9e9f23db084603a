package org.opencps.client.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Owner;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.ipp.IppJob;
import org.opencps.client.ipp.PrintRequest;

/** From a release's ticket to IPP attributes, and from the printer's end of a job to the outcome reported. */
class ReleaseTicketsTest {

    private static final String ID = "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    private static Release release(String name, String colorMode, String sides, int pages, int copies, Integer charged) {
        return new Release(ID, name, "PDF", pages, copies, colorMode, sides, "iso_a4_210x297mm", charged, new Owner("Ada"));
    }

    @Test
    void theTicketBecomesIppKeywordsAndOnlyWhatDiffersFromOneCopyIsSent() {
        PrintRequest request = ReleaseTickets.printRequest(release("Plan", "MONOCHROME", "TWO_SIDED_LONG_EDGE", 2, 1, 2));

        assertThat(request.documentFormat()).isEqualTo("application/pdf");
        assertThat(request.colorMode()).isEqualTo("monochrome");
        assertThat(request.sides()).isEqualTo("two-sided-long-edge");
        assertThat(request.copies()).isNull();
        assertThat(request.userName()).isEqualTo("Ada");
        assertThat(request.jobName()).isEqualTo("Plan [" + ID + "]");
        assertThat(ReleaseTickets.printRequest(release("Plan", "COLOR", "ONE_SIDED", 2, 4, 8)).copies()).isEqualTo(4);
        assertThat(ReleaseTickets.mediaType("image/jpeg")).isEqualTo("image/jpeg");
        assertThat(ReleaseTickets.mediaType("PWG_RASTER")).isEqualTo("image/pwg-raster");
    }

    @Test
    void aLongNameIsShortenedSoTheJobIdStillFitsAnIppName() {
        String name = ReleaseTickets.ippJobName(release("Überweisungsträger ".repeat(30), "COLOR", "ONE_SIDED", 1, 1, 1));

        assertThat(name).endsWith(" [" + ID + "]");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }

    @Test
    void aCompletedJobCountsThePrintersPagesOrElseThoseCharged() {
        Release release = release("Plan", "COLOR", "TWO_SIDED_SHORT_EDGE", 3, 2, 6);

        Outcome counted = ReleaseTickets.fromPrinter(release, new IppJob(7, "Plan", IppJob.COMPLETED, List.of(), 5, null));
        Outcome uncounted = ReleaseTickets.fromPrinter(release, new IppJob(7, "Plan", IppJob.COMPLETED, List.of(), null, null));

        assertThat(counted).isEqualTo(new Outcome(true, 5, 5, 0, true, null));
        assertThat(uncounted).isEqualTo(new Outcome(true, 6, 6, 0, true, null));
        assertThat(ReleaseTickets.expectedPages(release("Plan", "COLOR", "ONE_SIDED", 3, 2, null))).isEqualTo(6);
    }

    @Test
    void anAbortedJobIsAFailureSayingWhatThePrinterSaid() {
        Outcome outcome = ReleaseTickets.fromPrinter(release("Plan", "MONOCHROME", "ONE_SIDED", 3, 1, 3),
                new IppJob(7, "Plan", IppJob.ABORTED, List.of("media-jam-error"), 1, null));

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.pagesPrinted()).isEqualTo(1);
        assertThat(outcome.monochromePages()).isEqualTo(1);
        assertThat(outcome.message()).isEqualTo("the printer aborted the job (media-jam-error)");
    }
}
