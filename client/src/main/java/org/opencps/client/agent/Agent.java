package org.opencps.client.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.opencps.client.http.ApiException;
import org.opencps.client.http.Backoff;
import org.opencps.client.ipp.IppPrinter;

/**
 * Runs the workers, one thread per printer, and the heartbeats. Network trouble is waited out with a
 * capped backoff; only a rejected credential (or a damaged journal) stops the agent.
 */
final class Agent {

    /** How often to look for work and report status. */
    record Timing(Duration pollInterval, Duration heartbeatInterval, Duration maxBackoff) {
    }

    private final List<PrinterWorker> workers;
    private final Map<String, IppPrinter> printers;
    private final PrinterHeartbeats heartbeats;
    private final Timing timing;
    private final AgentLog log;
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    Agent(List<PrinterWorker> workers, Map<String, IppPrinter> printers, PrinterHeartbeats heartbeats, Timing timing, AgentLog log) {
        this.workers = workers;
        this.printers = printers;
        this.heartbeats = heartbeats;
        this.timing = timing;
        this.log = log;
    }

    /** One heartbeat round and one pass per printer; whether everything went through. */
    boolean once() throws InterruptedException {
        boolean ok = heartbeats.round(workers, printers);
        for (PrinterWorker worker : workers) {
            try {
                worker.pass();
            } catch (IOException | ApiException e) {
                log.warn("printer " + worker.display() + ": " + describe(e));
                ok = false;
            }
        }
        return ok;
    }

    /** Until interrupted or stopped by a fatal error, which it then throws. */
    void runForever() throws InterruptedException {
        for (PrinterWorker worker : workers) {
            threads.add(Thread.ofPlatform().name("printer-" + worker.printerId()).start(() -> guard(() -> loop(worker))));
        }
        threads.add(Thread.ofPlatform().name("heartbeats").daemon().start(() -> guard(this::heartbeatLoop)));
        log.info("agent running for " + workers.size() + " printer(s); polling every " + timing.pollInterval().toSeconds() + " s");
        try {
            for (Thread thread : threads) {
                if (!thread.isDaemon()) {
                    thread.join();
                }
            }
        } finally {
            stop();
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
    }

    /** Interrupts the threads (each stops at its next wait; the journal is consistent at every step). */
    void stop() {
        threads.forEach(Thread::interrupt);
    }

    private void loop(PrinterWorker worker) throws InterruptedException {
        var backoff = new Backoff(Duration.ofSeconds(1), timing.maxBackoff());
        while (!Thread.currentThread().isInterrupted()) {
            Duration wait = timing.pollInterval();
            try {
                worker.pass();
                backoff.succeeded();
            } catch (IOException | ApiException e) {
                if (e instanceof ApiException api && api.status() == 401) {
                    throw new OutcomeReporter.CredentialRejected();
                }
                Duration failedWait = backoff.failed();
                wait = failedWait.compareTo(wait) > 0 ? failedWait : wait;
                log.warn("printer " + worker.display() + ": " + describe(e) + "; trying again in " + wait.toSeconds() + " s");
            }
            Thread.sleep(wait.toMillis());
        }
    }

    private void heartbeatLoop() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            heartbeats.round(workers, printers);
            Thread.sleep(timing.heartbeatInterval().toMillis());
        }
    }

    private void guard(InterruptibleTask task) {
        try {
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (fatal.compareAndSet(null, e)) {
                log.warn("stopping: " + e.getMessage());
            }
            stop();
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private interface InterruptibleTask {
        void run() throws InterruptedException;
    }
}
