package org.opencps.client.device;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.http.ApiException;
import org.opencps.client.http.Backoff;
import org.opencps.client.http.Retry;
import org.opencps.client.ipp.IppJob;
import org.opencps.client.ipp.IppPrinter;
import org.opencps.client.ipp.PrinterRefused;

/**
 * Prints a released job on an IPP printer and follows it to its end. A job is sent again only when
 * the printer proves it made none: it answered "busy", or, after a broken connection, it lists no
 * job of that name. Anything less certain is left to the caller, who must not send it again.
 */
public final class ReleasePrinting {

    /** Opens the released document afresh (each attempt streams it from the server again). */
    public interface DocumentSource {
        InputStream open() throws IOException, InterruptedException;
    }

    /** The server could not hand over the document: nothing went to the printer. */
    public static final class DocumentUnavailable extends Exception {
        public DocumentUnavailable(String message, Exception cause) {
            super(message, cause);
        }
    }

    /** The printer certainly has no job for it: nothing was printed. */
    public static final class NotPrinted extends Exception {
        public NotPrinted(String message) {
            super(message);
        }
    }

    private static final int SEND_ATTEMPTS = 5;
    private static final Duration POLL_FIRST = Duration.ofMillis(250);
    private static final Duration POLL_MAX = Duration.ofSeconds(5);

    private final IppPrinter printer;
    private final Duration jobTimeout;
    private final Retry.Sleeper sleeper;
    private final Consumer<String> log;

    public ReleasePrinting(IppPrinter printer, Duration jobTimeout, Retry.Sleeper sleeper, Consumer<String> log) {
        this.printer = printer;
        this.jobTimeout = jobTimeout;
        this.sleeper = sleeper;
        this.log = log;
    }

    /**
     * Sends the job; returns the printer's job id.
     *
     * @throws DocumentUnavailable the server did not hand over the document (nothing was sent)
     * @throws NotPrinted the printer refused it or certainly never got it (after retrying busy)
     * @throws IOException the connection broke and whether the printer made a job is unknown
     */
    public int send(Release release, DocumentSource document)
            throws DocumentUnavailable, NotPrinted, IOException, InterruptedException {
        var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        String why = null;
        for (int attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
            try (InputStream in = open(document)) {
                return printer.print(ReleaseTickets.printRequest(release), in);
            } catch (PrinterRefused e) {
                if (!e.busy()) {
                    throw new NotPrinted(e.getMessage());
                }
                why = "the printer is busy";
            } catch (IOException e) {
                Optional<IppJob> made = printer.findByName(ReleaseTickets.ippJobName(release));
                if (made.isPresent()) {
                    return made.get().id();
                }
                why = "sending broke off (" + e.getMessage() + ") and the printer made no job";
            }
            if (attempt < SEND_ATTEMPTS) {
                Duration wait = backoff.failed();
                log.accept("job " + release.jobId() + ": " + why + "; sending again in " + wait.toSeconds() + " s");
                sleeper.sleep(wait);
            }
        }
        throw new NotPrinted("not printed: " + why + " (" + SEND_ATTEMPTS + " attempts)");
    }

    private static InputStream open(DocumentSource document) throws DocumentUnavailable, InterruptedException {
        try {
            return document.open();
        } catch (IOException | ApiException e) {
            throw new DocumentUnavailable("cannot fetch the document: " + e.getMessage(), e);
        }
    }

    /** Where a job sent earlier stands: its id on the printer, found by name, or empty if it has none. */
    public Optional<IppJob> find(Release release) throws IOException, InterruptedException {
        return printer.findByName(ReleaseTickets.ippJobName(release));
    }

    /**
     * Waits until the printer ends the job and says how. A printer that no longer lists the job it
     * accepted has finished it: taken as printed. Past the job timeout the job is canceled and failed.
     */
    public Outcome await(Release release, int ippJobId) throws InterruptedException {
        long deadline = System.nanoTime() + jobTimeout.toNanos();
        var backoff = new Backoff(POLL_FIRST, POLL_MAX);
        String lastProblem = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<IppJob> job = printer.job(ippJobId);
                if (job.isEmpty()) {
                    return ReleaseTickets.printed(release, "the printer no longer lists its job " + ippJobId + "; taken as printed");
                }
                if (job.get().ended()) {
                    return ReleaseTickets.fromPrinter(release, job.get());
                }
                lastProblem = null;
            } catch (IOException | PrinterRefused e) {
                if (lastProblem == null) {
                    log.accept("job " + release.jobId() + ": cannot ask " + printer.display() + " about it (" + e.getMessage() + "); still waiting");
                }
                lastProblem = e.getMessage();
            }
            sleeper.sleep(backoff.failed());
        }
        return ReleaseTickets.failed(release, timedOut(ippJobId, lastProblem));
    }

    private String timedOut(int ippJobId, String lastProblem) throws InterruptedException {
        String text = "the printer did not finish the job within " + jobTimeout.toMinutes() + " min";
        try {
            printer.cancel(ippJobId);
            return text + "; canceled it on the printer";
        } catch (IOException | PrinterRefused e) {
            return text + "; canceling it failed (" + e.getMessage() + ")" + (lastProblem == null ? "" : "; last problem: " + lastProblem);
        }
    }
}
