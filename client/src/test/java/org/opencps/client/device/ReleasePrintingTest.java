package org.opencps.client.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Owner;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.http.HttpClients;
import org.opencps.client.ipp.IppClient;
import org.opencps.client.ipp.IppJob;
import org.opencps.client.ipp.IppPrinter;
import org.opencps.client.ipp.PrinterStatus;
import org.opencps.client.testing.LanPrinter;
import org.opencps.client.testing.TestPdf;
import org.opencps.client.testing.Tools;
import org.opencps.client.http.Retry;

/** Printing a released job on a real IPP Everywhere printer (ippeveprinter) and following it to its end. */
class ReleasePrintingTest {

    private static LanPrinter lan;
    private static IppPrinter printer;
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void startPrinter() {
        lan = LanPrinter.start();
        printer = new IppPrinter(new IppClient(HttpClients.create(null)), lan.uri());
    }

    @AfterAll
    static void stopPrinter() {
        lan.close();
    }

    private static Release release(String jobId, String format, int pages, int copies) {
        return new Release(jobId, "Budget " + jobId.substring(0, 4), format, pages, copies, "COLOR", "ONE_SIDED",
                "iso_a4_210x297mm", pages * copies, new Owner("Grace"));
    }

    private ReleasePrinting printing() {
        return new ReleasePrinting(printer, Duration.ofMinutes(1), Retry.Sleeper.REAL_TIME, log::add);
    }

    @Test
    void theDocumentIsPrintedAndTheOutcomeCountsThePagesOfAllCopies() throws Exception {
        Path pdf = TestPdf.write(dir.resolve("budget.pdf"), 2);
        Release release = release("1a2b3c4d-0000-4000-8000-000000000001", "PDF", 2, 3);
        int before = lan.printed().size();

        int ippJob = printing().send(release, () -> Files.newInputStream(pdf));
        Outcome outcome = printing().await(release, ippJob);

        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(outcome.pagesPrinted()).isEqualTo(6);
        assertThat(outcome.colorPages()).isEqualTo(6);
        assertThat(outcome.monochromePages()).isZero();
        assertThat(outcome.sheetsDuplex()).isFalse();
        List<Path> printed = lan.awaitPrinted(before + 1, Duration.ofSeconds(30));
        assertThat(printed.getLast()).hasSameBinaryContentAs(pdf);
    }

    @Test
    void aJobSentEarlierIsFoundOnThePrinterByTheOpenCpsJobIdInItsName() throws Exception {
        Release release = release("1a2b3c4d-0000-4000-8000-000000000002", "application/pdf", 1, 1);
        byte[] pdf = Files.readAllBytes(TestPdf.write(dir.resolve("found.pdf"), 1));
        int ippJob = printing().send(release, () -> new ByteArrayInputStream(pdf));
        printing().await(release, ippJob);

        IppJob found = printing().find(release).orElseThrow();

        assertThat(found.id()).isEqualTo(ippJob);
        assertThat(found.name()).contains(release.jobId());
        assertThat(printing().find(release("1a2b3c4d-0000-4000-8000-00000000dead", "PDF", 1, 1))).isEmpty();
    }

    @Test
    void aFormatThePrinterRefusesIsNotPrintedAndSaysWhy() {
        Release release = release("1a2b3c4d-0000-4000-8000-000000000003", "URF", 1, 1);

        assertThatThrownBy(() -> printing().send(release, () -> new ByteArrayInputStream("UNIRAST\0".getBytes())))
                .isInstanceOf(ReleasePrinting.NotPrinted.class)
                .hasMessageContaining("the printer refused").hasMessageContaining("document-format");
    }

    @Test
    void aDocumentTheServerCannotHandOverIsNeverSentToThePrinter() {
        Release release = release("1a2b3c4d-0000-4000-8000-000000000004", "PDF", 1, 1);

        assertThatThrownBy(() -> printing().send(release, () -> {
            throw new IOException("connection reset");
        })).isInstanceOf(ReleasePrinting.DocumentUnavailable.class);
    }

    @Test
    void thePrinterSaysWhatStateItIsInAndWhoItIs() throws Exception {
        PrinterStatus status = printer.status();

        assertThat(status.state()).isIn("idle", "processing");
        assertThat(status.name()).isEqualTo("LanTest");
        assertThat(status.makeAndModel()).contains("LAN Test Printer");
        assertThat(status.uuid()).startsWith("urn:uuid:");
        assertThat(status.hasError()).isFalse();
    }

    @Test
    void aPrinterThatDoesNotAnswerIsSaidSoByAddress() {
        var away = new IppPrinter(new IppClient(HttpClients.create(null)), URI.create("ipp://user:secret@127.0.0.1:" + Tools.freePort() + "/ipp/print"));

        assertThatThrownBy(away::status).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:")
                .hasMessageNotContaining("secret");
    }
}
