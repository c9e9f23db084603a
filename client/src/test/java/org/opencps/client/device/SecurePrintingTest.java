package org.opencps.client.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.opencps.client.http.Retry;
import org.opencps.client.ipp.IppClient;
import org.opencps.client.ipp.IppPrinter;
import org.opencps.client.testing.LanPrinter;
import org.opencps.client.testing.TestPdf;

/** Printing to an ipps:// printer (ippeveprinter with its own self-signed certificate): trusted only when told to. */
class SecurePrintingTest {

    private static LanPrinter lan;
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void startPrinter() {
        lan = LanPrinter.startWithTls();
    }

    @AfterAll
    static void stopPrinter() {
        lan.close();
    }

    private static IppPrinter printer(URI uri, Path trusted) {
        return new IppPrinter(new IppClient(HttpClients.create(trusted)), uri);
    }

    @Test
    void aDocumentIsPrintedOverTlsWhenThePrintersCertificateIsTrusted() throws Exception {
        Path pdf = TestPdf.write(dir.resolve("secure.pdf"), 1);
        var release = new Release("5ec0e000-0000-4000-8000-000000000001", "Secure", "PDF", 1, 1, "MONOCHROME", "ONE_SIDED",
                "iso_a4_210x297mm", 1, new Owner("Ada"));
        var printing = new ReleasePrinting(printer(lan.secureUri(), lan.certificate()), Duration.ofMinutes(1),
                Retry.Sleeper.REAL_TIME, log::add);
        int before = lan.printed().size();

        Outcome outcome = printing.await(release, printing.send(release, () -> Files.newInputStream(pdf)));

        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(lan.awaitPrinted(before + 1, Duration.ofSeconds(30)).getLast()).hasSameBinaryContentAs(pdf);
    }

    @Test
    void aPrinterWhoseCertificateIsNotTrustedIsRefusedBeforeAnythingIsSent() {
        int before = lan.printed().size();

        assertThatThrownBy(() -> printer(lan.secureUri(), null).status())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("TLS with localhost:" + lan.secureUri().getPort() + " failed")
                .hasMessageContaining("--printer-ca-cert");
        assertThat(lan.printed()).hasSize(before);
    }

    @Test
    void aPrinterReachedByANameItsCertificateDoesNotCarryIsRefused() {
        URI byAddress = URI.create(lan.secureUri().toString().replace("localhost", "127.0.0.1"));

        assertThatThrownBy(() -> printer(byAddress, lan.certificate()).status())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("TLS with 127.0.0.1:" + byAddress.getPort() + " failed")
                .hasMessageContaining("127.0.0.1");
    }
}
