package org.opencps.client.agent;

import java.io.IOException;
import java.util.Optional;
import org.opencps.client.agent.Journal.Entry;
import org.opencps.client.device.DeviceApi;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.device.ReleasePrinting;
import org.opencps.client.device.ReleasePrinting.DocumentUnavailable;
import org.opencps.client.device.ReleasePrinting.NotPrinted;
import org.opencps.client.device.ReleaseTickets;
import org.opencps.client.http.ApiException;
import org.opencps.client.ipp.IppJob;

/**
 * Prints the jobs released to one printer, one at a time, each step in the journal first. What an
 * earlier run (or an earlier pass) left unfinished is finished from where it stopped, never sent again.
 */
final class PrinterWorker {

    private final String printerId;
    private final String display;
    private final DeviceApi api;
    private final Journal journal;
    private final ReleasePrinting printing;
    private final OutcomeReporter reporter;
    private final AgentLog log;

    PrinterWorker(String printerId, String display, DeviceApi api, Journal journal, ReleasePrinting printing,
                  OutcomeReporter reporter, AgentLog log) {
        this.printerId = printerId;
        this.display = display;
        this.api = api;
        this.journal = journal;
        this.printing = printing;
        this.reporter = reporter;
        this.log = log;
    }

    String printerId() {
        return printerId;
    }

    String display() {
        return display;
    }

    /**
     * Finishes the unfinished, then prints what waits.
     *
     * @throws IOException a server or printer could not be reached (try again later)
     * @throws ApiException the server refused a call
     */
    void pass() throws IOException, InterruptedException {
        for (Entry entry : journal.unfinished()) {
            if (entry.printer().equals(printerId)) {
                resume(entry);
            }
        }
        for (Release release : api.releases(printerId)) {
            Optional<Entry> entry = journal.find(printerId, release.jobId());
            if (Journal.next(entry) == Journal.Action.SEND) {
                printNew(release);
            } else {
                resume(entry.get());
            }
        }
    }

    private void resume(Entry entry) throws IOException, InterruptedException {
        Release release = entry.release();
        switch (Journal.next(Optional.of(entry))) {
            case FIND_ON_PRINTER -> {
                Optional<IppJob> job = printing.find(release);
                if (job.isPresent()) {
                    log.info("job " + entry.jobId() + ": found as job " + job.get().id() + " on " + display + "; following it");
                    entry = journal.sent(entry, job.get().id());
                    entry = journal.printed(entry, printing.await(release, job.get().id()));
                } else {
                    log.warn("job " + entry.jobId() + ": sending it to " + display + " was cut off and the printer lists"
                            + " no such job; reported as failed, not sent again");
                    entry = journal.printed(entry, ReleaseTickets.failed(release, "outcome unknown: sending to the printer was"
                            + " cut off (connection or agent stopped) and the printer lists no such job; not sent again"));
                }
            }
            case AWAIT_PRINTER -> entry = journal.printed(entry, printing.await(release, entry.ippJobId()));
            case REPORT -> {
                // only the report is missing
            }
            case SEND -> throw new IllegalStateException("job " + entry.jobId() + " is finished");
        }
        reporter.report(entry);
    }

    private void printNew(Release release) throws IOException, InterruptedException {
        log.info("job " + release.jobId() + " (" + release.pages() + " pages x " + release.copies() + "): printing on " + display);
        Entry entry = journal.printing(printerId, release);
        try {
            int ippJob = printing.send(release, () -> api.document(printerId, release.jobId()));
            entry = journal.sent(entry, ippJob);
            entry = journal.printed(entry, printing.await(release, ippJob));
        } catch (DocumentUnavailable e) {
            journal.abandoned(entry);
            if (e.getCause() instanceof ApiException api && !api.isTransient()) {
                throw api;
            }
            throw new IOException(e.getMessage(), e.getCause());
        } catch (NotPrinted e) {
            log.warn("job " + release.jobId() + ": " + e.getMessage());
            entry = journal.printed(entry, ReleaseTickets.failed(release, e.getMessage()));
        }
        reporter.report(entry);
    }
}
