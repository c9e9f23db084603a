package org.opencps.client.agent;

import java.io.IOException;
import org.opencps.client.CommandFailure;
import org.opencps.client.ExitCodes;
import org.opencps.client.device.DeviceApi;
import org.opencps.client.http.ApiException;
import org.opencps.client.http.Retry;

/**
 * Reports a journal entry's outcome until the server has it. 409 (already reported) counts as
 * acknowledged: an earlier attempt got through and only its answer was lost. A rejected credential
 * stops the agent; any other refusal is logged and the outcome dropped (the job is no longer
 * released to this printer, so nothing can take it).
 */
final class OutcomeReporter {

    private final DeviceApi api;
    private final Journal journal;
    private final Retry retry;
    private final AgentLog log;

    OutcomeReporter(DeviceApi api, Journal journal, Retry retry, AgentLog log) {
        this.api = api;
        this.journal = journal;
        this.retry = retry;
        this.log = log;
    }

    void report(Journal.Entry entry) throws IOException, InterruptedException {
        var outcome = entry.outcome();
        try {
            retry.call("reporting job " + entry.jobId(), () -> {
                api.reportOutcome(entry.printer(), entry.jobId(), outcome);
                return null;
            });
            log.info("job " + entry.jobId() + ": reported " + (outcome.success() ? "printed, " + outcome.pagesPrinted() + " pages"
                    : "failed (" + outcome.message() + ")"));
        } catch (ApiException e) {
            if (e.status() == 401) {
                throw new CredentialRejected();
            }
            if (e.status() == 409) {
                log.info("job " + entry.jobId() + ": the server already had its outcome");
            } else {
                log.warn("job " + entry.jobId() + ": the server refused its outcome (" + e.getMessage() + "); dropped");
            }
        }
        journal.reported(entry);
    }

    /** The server no longer accepts the agent's credential (unregistered, or rotated elsewhere). */
    static final class CredentialRejected extends CommandFailure {
        CredentialRejected() {
            super(ExitCodes.FAILED, "the server rejected the device credential (unregistered or revoked?);"
                    + " register again with a new activation code and another --state-dir");
        }
    }
}
