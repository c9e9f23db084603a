package org.opencps.client.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.client.device.DeviceMessages.Counters;
import org.opencps.client.device.DeviceMessages.Heartbeat;
import org.opencps.client.http.HttpClients;
import org.opencps.client.ipp.IppClient;
import org.opencps.client.ipp.IppPrinter;
import org.opencps.client.ipp.PrinterStatus;
import org.opencps.client.testing.Tools;

/** What the agent reports for a printer, from what the printer says over IPP (RFC 8011 printer-state-reasons). */
class PrinterHeartbeatsTest {

    private static PrinterStatus status(String state, List<String> reasons, Long total, Long color, Long mono) {
        return new PrinterStatus(state, reasons, "Ready.", "P", "Acme P1", null, null, total, color, mono);
    }

    @Test
    void stateAndReasonsMapToTheDeviceStatus() {
        assertThat(PrinterHeartbeats.of(status("idle", List.of("none"), null, null, null)).status()).isEqualTo("IDLE");
        assertThat(PrinterHeartbeats.of(status("processing", List.of("none"), null, null, null)).status()).isEqualTo("PRINTING");
        assertThat(PrinterHeartbeats.of(status("stopped", List.of("none"), null, null, null)).status()).isEqualTo("ERROR");
        assertThat(PrinterHeartbeats.of(status("idle", List.of("toner-low-warning"), null, null, null)).status()).isEqualTo("WARNING");
        assertThat(PrinterHeartbeats.of(status("idle", List.of("media-empty-error", "toner-low-warning"), null, null, null)).status())
                .isEqualTo("ERROR");
        assertThat(PrinterHeartbeats.of(status("idle", List.of("media-jam"), null, null, null)).status()).as("no suffix is an error")
                .isEqualTo("ERROR");
        assertThat(PrinterHeartbeats.of(status("idle", List.of("moving-to-paused-report"), null, null, null)).status()).isEqualTo("IDLE");
    }

    @Test
    void theMessageNamesTheProblemsAndOnlyCountersThePrinterHasAreSent() {
        Heartbeat heartbeat = PrinterHeartbeats.of(status("idle", List.of("toner-low-warning"), 1500L, null, null));

        assertThat(heartbeat.statusMessage()).isEqualTo("Ready. (toner-low-warning)");
        assertThat(heartbeat.counters()).isEqualTo(new Counters(1500L, null, null));
        assertThat(PrinterHeartbeats.of(status("idle", List.of("none"), null, null, null)).counters()).isNull();
        assertThat(heartbeat.security()).as("the agent does not know a printer's security settings").isNull();
    }

    @Test
    void aPrinterThatDoesNotAnswerIsAnError() throws Exception {
        var away = new IppPrinter(new IppClient(HttpClients.create(null)), URI.create("ipp://127.0.0.1:" + Tools.freePort() + "/ipp/print"));

        Heartbeat heartbeat = PrinterHeartbeats.of(away);

        assertThat(heartbeat.status()).isEqualTo("ERROR");
        assertThat(heartbeat.statusMessage()).startsWith("the printer does not answer over IPP: cannot connect to 127.0.0.1:");
    }
}
