package org.opencps.cluster;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencps.cluster.ClusterClient.Answer;
import org.opencps.cluster.ClusterCustomer.Printer;

/**
 * Clients printing through the proxy, one per printer: each submits a one-page job, then at its
 * printer logs in by PIN, releases the job, fetches the document and reports the outcome, again and
 * again, bounded in count. A step that gets no answer, or a 5xx (the process died under it), is
 * tried again through the proxy as a client would; the ledger keeps what the clients were told.
 */
final class PrintLoad implements AutoCloseable {

    private static final int MOST_ATTEMPTS = 20;

    /** Jobs the server acknowledged (2xx with the job's id). */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Acknowledged jobs whose document the printer received whole and whose outcome was acknowledged. */
    final Set<String> printed = ConcurrentHashMap.newKeySet();
    /** Submissions that got no answer or a 5xx: each may or may not have made a job. */
    final AtomicInteger unansweredSubmissions = new AtomicInteger();
    /** Steps of any kind that got no answer or a 5xx, retried. */

    private final ClusterClient client;
    private final ClusterCustomer people;
    private final byte[] pdf;
    private final int jobsPerClient;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();

    PrintLoad(ClusterClient client, ClusterCustomer people, List<Printer> printers, byte[] pdf, int jobsPerClient) {
        this.client = client;
        this.people = people;
        this.pdf = pdf;
        this.jobsPerClient = jobsPerClient;
        this.pool = Executors.newFixedThreadPool(printers.size());
        printers.forEach(printer -> clients.add(pool.submit(() -> printAgainAndAgain(printer))));
    }

    int printedCount() {
        return printed.size();
    }

    /** Stops the clients after their current job and waits for them; rethrows what made one give up. */
    @Override
    public void close() throws Exception {
        stop.set(true);
        for (Future<?> running : clients) {
            running.get();
        }
        pool.shutdown();
    }

    private Void printAgainAndAgain(Printer printer) {
        for (int n = 0; n < jobsPerClient && !stop.get(); n++) {
            String job = submit(n);
            acknowledged.add(job);
            printAt(printer, job);
            printed.add(job);
        }
        return null;
    }

    private String submit(int n) {
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            Answer answer = answered(() -> client.call("/api/v1/jobs?name=load-" + n).session(people.cookie).post("application/pdf", pdf));
            if (answer != null && answer.status() / 100 == 2) {
                return answer.json().path("id").asString();
            }
            check(answer);
            unansweredSubmissions.incrementAndGet();
        }
        throw new AssertionError("a submission failed " + MOST_ATTEMPTS + " times");
    }

    /** The printer's steps for one job, from the PIN login again whenever a step got no answer. */
    private void printAt(Printer printer, String job) {
        for (int attempt = 1; attempt <= MOST_ATTEMPTS; attempt++) {
            Answer login = answered(() -> DeviceFlow.login(client, null, printer, people.pin));
            if (!succeeded(login)) {
                continue;
            }
            String session = login.json().path("session").asString();
            // a release whose answer was lost may have been made: then it is refused as done, and the document is fetched all the same
            Answer release = answered(() -> DeviceFlow.release(client, null, printer, session, job));
            if (!succeeded(release)) {
                continue;
            }
            Answer document = answered(() -> DeviceFlow.document(client, null, printer, job));
            if (!succeeded(document)) {
                continue;
            }
            if (!Arrays.equals(document.bytes(), pdf)) {
                throw new AssertionError("job " + job + " came back with " + document.bytes().length + " bytes, not " + pdf.length);
            }
            Answer outcome = answered(() -> DeviceFlow.outcome(client, null, printer, job));
            if (!succeeded(outcome)) {
                continue;
            }
            answered(() -> DeviceFlow.logout(client, null, printer, session));
            return;
        }
        throw new AssertionError("job " + job + " was not printed after " + MOST_ATTEMPTS + " attempts");
    }

    /** The answer, or null when the connection failed (the process died with the request). */
    private Answer answered(java.util.function.Supplier<Answer> step) {
        try {
            return step.get();
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static boolean succeeded(Answer answer) {
        if (answer == null || answer.status() >= 500) {
            return false;
        }
        check(answer);
        return true;
    }

    /** A 4xx is a wrong answer, not a fault to retry: the test fails with it. */
    private static void check(Answer answer) {
        if (answer != null && answer.status() / 100 == 4) {
            throw new AssertionError("refused with " + answer.status() + " by " + answer.servedBy() + ": " + answer.body());
        }
    }
}
