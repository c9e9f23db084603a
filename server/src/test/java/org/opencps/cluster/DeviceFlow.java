package org.opencps.cluster;

import org.opencps.cluster.ClusterClient.Answer;
import org.opencps.cluster.ClusterCustomer.Printer;

/**
 * What a printer does through the proxy, step by step: log a person in by PIN, list their held jobs,
 * release one, fetch its document, report the outcome, end the session. {@code process} sends a step
 * to one named process ({@code null}: wherever the proxy sends it).
 */
final class DeviceFlow {

    private DeviceFlow() {
    }

    static String base(Printer printer) {
        return "/api/device/v1/devices/" + printer.deviceId();
    }

    static ClusterClient.Call at(ClusterClient client, String process, String path) {
        ClusterClient.Call call = client.call(path);
        return process == null ? call : call.to(process);
    }

    static Answer login(ClusterClient client, String process, Printer printer, String pin) {
        return at(client, process, base(printer) + "/sessions").device(printer.credential(), null)
                .post("{\"method\":\"PIN\",\"pin\":\"" + pin + "\"}");
    }

    static Answer heldJobs(ClusterClient client, String process, Printer printer, String session) {
        return at(client, process, base(printer) + "/sessions/current/jobs").device(printer.credential(), session).get();
    }

    static Answer release(ClusterClient client, String process, Printer printer, String session, String jobId) {
        return at(client, process, base(printer) + "/sessions/current/releases").device(printer.credential(), session)
                .post("{\"jobIds\":[\"" + jobId + "\"]}");
    }

    static Answer document(ClusterClient client, String process, Printer printer, String jobId) {
        return at(client, process, base(printer) + "/releases/" + jobId + "/document").device(printer.credential(), null).get();
    }

    static Answer outcome(ClusterClient client, String process, Printer printer, String jobId) {
        return at(client, process, base(printer) + "/releases/" + jobId + "/outcome").device(printer.credential(), null)
                .post("{\"success\":true,\"pagesPrinted\":1,\"colorPages\":0,\"monochromePages\":1,\"sheetsDuplex\":false}");
    }

    static Answer logout(ClusterClient client, String process, Printer printer, String session) {
        return at(client, process, base(printer) + "/sessions/current").device(printer.credential(), session).delete();
    }

    /** What the printer has been released and not yet printed (answers with the device credential alone). */
    static Answer releases(ClusterClient client, String process, Printer printer) {
        return at(client, process, base(printer) + "/releases").device(printer.credential(), null).get();
    }
}
