package org.opencps.client.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencps.client.CommandFailure;
import org.opencps.client.device.DeviceMessages.Counters;
import org.opencps.client.device.DeviceMessages.Heartbeat;
import picocli.CommandLine.Option;

/** The heartbeat a simulated device sends: status, page counters and security settings. */
public final class HeartbeatOptions {

    static final List<String> SECURITY_SETTINGS = List.of("adminPasswordChanged", "storageEncryption", "dataOverwrite",
            "firmwareVerification", "tlsOnly");

    enum Status { IDLE, PRINTING, WARNING, ERROR }

    @Option(names = "--heartbeat", description = "send a heartbeat (implied by the options below)")
    private boolean heartbeat;

    @Option(names = "--status", paramLabel = "STATUS", description = "status to report: ${COMPLETION-CANDIDATES} (default: IDLE)")
    private Status status;

    @Option(names = "--status-message", paramLabel = "TEXT", description = "status message to report")
    private String statusMessage;

    @Option(names = "--total-pages", paramLabel = "N", description = "page counter: all pages printed")
    private Long totalPages;

    @Option(names = "--color-pages", paramLabel = "N", description = "page counter: color pages")
    private Long colorPages;

    @Option(names = "--mono-pages", paramLabel = "N", description = "page counter: black-and-white pages")
    private Long monochromePages;

    @Option(names = "--security", paramLabel = "SETTING=true|false", split = ",",
            description = "a security setting to report (repeatable): adminPasswordChanged, storageEncryption,"
                    + " dataOverwrite, firmwareVerification, tlsOnly; settings not given are reported as unknown")
    private Map<String, Boolean> security = new LinkedHashMap<>();

    boolean requested() {
        return heartbeat || status != null || statusMessage != null || totalPages != null || colorPages != null
                || monochromePages != null || !security.isEmpty();
    }

    Heartbeat heartbeat() {
        for (String setting : security.keySet()) {
            if (!SECURITY_SETTINGS.contains(setting)) {
                throw CommandFailure.usage("--security: unknown setting " + setting + "; known: " + String.join(", ", SECURITY_SETTINGS));
            }
        }
        for (Long counter : new Long[] {totalPages, colorPages, monochromePages}) {
            if (counter != null && counter < 0) {
                throw CommandFailure.usage("page counters cannot be negative");
            }
        }
        var counters = new Counters(totalPages, colorPages, monochromePages);
        return new Heartbeat((status == null ? Status.IDLE : status).name(), statusMessage, counters.isEmpty() ? null : counters,
                security.isEmpty() ? null : Map.copyOf(security));
    }
}
