package org.opencps.client.device;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.opencps.client.device.DeviceMessages.ScanAnswer;
import org.opencps.client.device.DeviceMessages.Session;
import org.opencps.client.http.ApiException;

/**
 * The scans of one visit: each file uploaded as the device's scanner would, then its delivery
 * waited for (polled, with growing pauses) until delivered, failed or the time is up.
 */
final class SimulatedScans {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(3);

    private final DeviceApi api;
    private final String device;
    private final ScanOptions options;
    private final Consumer<String> say;
    private final Consumer<String> note;

    SimulatedScans(DeviceApi api, String device, ScanOptions options, Consumer<String> say, Consumer<String> note) {
        this.api = api;
        this.device = device;
        this.options = options;
        this.say = say;
        this.note = note;
    }

    void scanAll(Session session, SimulationReport report) throws IOException, InterruptedException {
        String query = options.query();
        for (Path file : options.files()) {
            ScanAnswer accepted;
            try {
                accepted = api.scan(device, session, query, ScanOptions.contentType(file), file);
            } catch (ApiException refused) {
                report.scans.add(new SimulationReport.Scanned(file.toString(), null, null, 0, null, refused.getMessage()));
                note.accept(file + ": scan refused: " + refused.getMessage());
                continue;
            }
            say.accept(file + ": scan " + accepted.id() + " accepted, " + accepted.pages() + " page(s), as " + accepted.fileName());
            ScanAnswer last = awaitDelivery(session, accepted);
            report.scans.add(new SimulationReport.Scanned(file.toString(), last.id(), last.fileName(), last.pages(), last.state(),
                    last.lastError()));
            if ("DELIVERED".equals(last.state())) {
                say.accept("scan " + last.id() + ": delivered");
            } else {
                note.accept("scan " + last.id() + ": " + ("FAILED".equals(last.state()) ? "delivery failed: " + last.lastError()
                        : "still being delivered after " + options.timeout()));
            }
        }
    }

    private ScanAnswer awaitDelivery(Session session, ScanAnswer scan) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(options.timeout());
        Duration pause = FIRST_PAUSE;
        ScanAnswer now = scan;
        while ("PENDING".equals(now.state()) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            now = api.scanState(device, session, scan.id());
        }
        return now;
    }
}
