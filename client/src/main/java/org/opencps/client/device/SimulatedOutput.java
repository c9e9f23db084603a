package org.opencps.client.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.http.ApiException;
import org.opencps.client.ipp.IppClient;
import org.opencps.client.ipp.IppPrinter;
import org.opencps.client.http.Retry;

/**
 * Where the simulated device's released documents go: a real IPP printer ({@code --print-to}), or
 * nowhere (read to the end and dropped, which the device then reports as printed).
 */
final class SimulatedOutput {

    private final DeviceApi api;
    private final String deviceId;
    private final ReleasePrinting printing;

    SimulatedOutput(DeviceApi api, String deviceId, IppClient ipp, URI printTo, Duration jobTimeout, Consumer<String> log) {
        this.api = api;
        this.deviceId = deviceId;
        this.printing = printTo == null ? null
                : new ReleasePrinting(new IppPrinter(ipp, printTo), jobTimeout, Retry.Sleeper.REAL_TIME, log);
    }

    Outcome print(Release release) throws InterruptedException {
        if (printing == null) {
            return discard(release);
        }
        try {
            int ippJob = printing.send(release, () -> api.document(deviceId, release.jobId()));
            return printing.await(release, ippJob);
        } catch (ReleasePrinting.DocumentUnavailable | ReleasePrinting.NotPrinted e) {
            return ReleaseTickets.failed(release, e.getMessage());
        } catch (IOException e) {
            return ReleaseTickets.failed(release, "outcome unknown: " + e.getMessage());
        }
    }

    private Outcome discard(Release release) throws InterruptedException {
        try (InputStream document = api.document(deviceId, release.jobId())) {
            long bytes = document.transferTo(OutputStream.nullOutputStream());
            return ReleaseTickets.printed(release, "simulated: " + bytes + " bytes received and discarded");
        } catch (IOException | ApiException e) {
            return ReleaseTickets.failed(release, "cannot fetch the document: " + e.getMessage());
        }
    }
}
