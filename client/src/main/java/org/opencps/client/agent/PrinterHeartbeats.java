package org.opencps.client.agent;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.opencps.client.device.DeviceApi;
import org.opencps.client.device.DeviceMessages.Counters;
import org.opencps.client.device.DeviceMessages.Heartbeat;
import org.opencps.client.ipp.IppPrinter;
import org.opencps.client.ipp.PrinterRefused;
import org.opencps.client.ipp.PrinterStatus;

/**
 * Heartbeats: the agent's own, and one per printer with what the printer says over IPP (its state,
 * its reasons, and page counters when it has any). Security settings of the printers are not known
 * to the agent, so none are sent for them.
 */
final class PrinterHeartbeats {

    private final DeviceApi api;
    private final String agentId;
    private final boolean serverOverTls;
    private final AgentLog log;

    PrinterHeartbeats(DeviceApi api, String agentId, AgentLog log) {
        this.api = api;
        this.agentId = agentId;
        this.serverOverTls = "https".equalsIgnoreCase(api.server().getScheme());
        this.log = log;
    }

    /** One round: never throws for a printer or the server being away; returns whether all got through. */
    boolean round(List<PrinterWorker> workers, Map<String, IppPrinter> printers) throws InterruptedException {
        boolean ok = send(agentId, new Heartbeat("IDLE", "standing in for " + workers.size() + " printer(s)", null,
                Map.of("tlsOnly", serverOverTls)), "the agent");
        for (PrinterWorker worker : workers) {
            ok &= send(worker.printerId(), of(printers.get(worker.printerId())), worker.display());
        }
        return ok;
    }

    static Heartbeat of(IppPrinter printer) throws InterruptedException {
        try {
            return of(printer.status());
        } catch (IOException | PrinterRefused e) {
            return new Heartbeat("ERROR", "the printer does not answer over IPP: " + e.getMessage(), null, null);
        }
    }

    /** The heartbeat for what the printer says: its state, its problems, the counters it has. */
    static Heartbeat of(PrinterStatus status) {
        String state = status.hasError() ? "ERROR" : status.hasWarning() ? "WARNING"
                : status.state().equals("processing") ? "PRINTING" : "IDLE";
        String message = status.message() == null || status.message().isBlank() ? status.state() : status.message();
        if (!status.problems().isEmpty()) {
            message += " (" + String.join(", ", status.problems()) + ")";
        }
        var counters = new Counters(status.totalPages(), status.colorPages(), status.monochromePages());
        return new Heartbeat(state, message, counters.isEmpty() ? null : counters, null);
    }

    private boolean send(String deviceId, Heartbeat heartbeat, String what) throws InterruptedException {
        try {
            api.heartbeat(deviceId, heartbeat);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("heartbeat for " + what + " not sent: " + e.getMessage());
            return false;
        }
    }
}
