package org.opencps.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.printing.PrintJobExpired;
import org.opencps.printing.PrintJobFailed;
import org.opencps.printing.PrintJobReleaseTimedOut;
import org.opencps.printing.PrintJobReleased;
import org.opencps.printing.PrintJobSubmitted;
import org.opencps.printing.PrintReleaseRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts print jobs through their life, from printing's events: submitted (by how they came), held
 * (on arrival, or again after a release that failed or timed out), released, printed, failed and
 * expired; and releases refused, by reason (over quota, print policy). Counted once the change (or,
 * for a refusal, its record) committed.
 */
@Component
class PrintingMetrics {

    private final MeterRegistry registry;
    private final Counter released;
    private final Counter printed;
    private final Counter expired;
    private final Counter failed;

    PrintingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.released = Counter.builder("opencps.print.jobs.released").description("Print jobs released at a printer")
                .register(registry);
        this.printed = Counter.builder("opencps.print.jobs.printed").description("Print jobs a printer reported printed")
                .register(registry);
        this.expired = Counter.builder("opencps.print.jobs.expired").description("Held print jobs deleted unreleased at their expiry")
                .register(registry);
        this.failed = Counter.builder("opencps.print.jobs.failed").description("Released print jobs a printer failed to print")
                .register(registry);
        for (String how : new String[] {"submitted", "returned"}) {
            held(how);
        }
        for (JobTicket.Source source : JobTicket.Source.values()) {
            submitted(source);
        }
        for (PrintReleaseRefused.Reason reason : PrintReleaseRefused.Reason.values()) {
            refused(reason);
        }
    }

    @EventListener
    void on(PrintReleaseRefused e) {
        Counter refused = refused(e.reason());
        AfterCommit.run(refused::increment);
    }

    @EventListener
    void on(PrintJobSubmitted e) {
        Counter submitted = submitted(e.source());
        boolean held = e.state() == PrintJob.State.HELD;
        AfterCommit.run(() -> {
            submitted.increment();
            if (held) {
                held("submitted").increment();
            }
        });
    }

    @EventListener
    void on(PrintJobReleased e) {
        AfterCommit.run(released::increment);
    }

    @EventListener
    void on(PrintJobCompleted e) {
        AfterCommit.run(printed::increment);
    }

    @EventListener
    void on(PrintJobExpired e) {
        AfterCommit.run(expired::increment);
    }

    @EventListener
    void on(PrintJobFailed e) {
        AfterCommit.run(() -> {
            failed.increment();
            held("returned").increment();
        });
    }

    @EventListener
    void on(PrintJobReleaseTimedOut e) {
        AfterCommit.run(() -> held("returned").increment());
    }

    private Counter submitted(JobTicket.Source source) {
        return Counter.builder("opencps.print.jobs.submitted").description("Print jobs submitted, by how they came")
                .tag("source", source.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter refused(PrintReleaseRefused.Reason reason) {
        return Counter.builder("opencps.print.releases.refused").description("Releases refused, by reason: over quota or the print policy")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter held(String how) {
        return Counter.builder("opencps.print.jobs.held").description("Print jobs put on hold, on arrival or again after a failed release")
                .tag("how", how).register(registry);
    }
}
