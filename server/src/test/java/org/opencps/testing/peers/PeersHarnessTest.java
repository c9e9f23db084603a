package org.opencps.testing.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peers work on this machine: CUPS's ippeveprinter passes CUPS's own conformance files, and a private
 * cupsd with a driverless queue ({@code -m everywhere}) delivers a PDF to it. The OpenCPS IPP tests take
 * the same shape with OpenCPS in ippeveprinter's place.
 */
class PeersHarnessTest {

    @TempDir
    Path work;

    @Test
    void ippeveprinterPassesCupsConformanceFiles() {
        Path pdf = TestDocuments.onePagePdf(work.resolve("page.pdf"), "ipptool");
        try (var printer = IppEvePrinter.start()) {
            IpptoolReport attributes = Ipptool.against(printer.uri()).run("get-printer-attributes.test");
            assertThat(attributes.problems()).isEmpty();
            assertThat(attributes.passed()).isNotEmpty();

            IpptoolReport everywhere = Ipptool.against(printer.uri()).file(pdf).define("NOPRINT", "1")
                    .repeatOnBusy().run("ipp-everywhere.test");
            assertThat(everywhere.problemsExcept(Ipptool.DOCUMENT_NUMBER_TYPO)).isEmpty();
            assertThat(everywhere.passed()).extracting(IpptoolReport.Test::name)
                    .contains("RFC 8011 section 4.2.1: Print-Job Operation",
                            "PWG 5100.12 section 6.2 - Required Printer Description Attributes");
        }
    }

    @Test
    void cupsDriverlessQueueDeliversPdfToIppEverywherePrinter() throws Exception {
        Path pdf = TestDocuments.onePagePdf(work.resolve("letter.pdf"), "Through CUPS");
        try (var printer = IppEvePrinter.start(); var cups = PrivateCupsd.start()) {
            cups.addDriverlessQueue("peer", printer.uri());
            assertThat(cups.lpstat("-v", "peer").stdout()).contains(printer.uri().toString());

            String job = cups.print("peer", pdf);

            assertThat(job).startsWith("peer-");
            List<Path> received = printer.awaitDocuments(1, Duration.ofSeconds(60));
            assertThat(received).hasSize(1);
            assertThat(Files.readAllBytes(received.getFirst())).startsWith("%PDF-".getBytes());
            cups.awaitJobDone(job, Duration.ofSeconds(30));
        }
    }
}
