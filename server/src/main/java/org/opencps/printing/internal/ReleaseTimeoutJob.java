package org.opencps.printing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.platform.scheduling.PeriodicJob;
import org.opencps.printing.internal.persistence.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Across all organizations, puts back on hold jobs released longer than {@code
 * opencps.printing.release-timeout} ago (default 30 minutes) whose device neither fetched the
 * document nor reported, and returns their quota charge: each in its own transaction. A fetched
 * release is left to the device's report or the job's expiry: holding it again could print it twice.
 * One process at a time.
 */
@Component
public class ReleaseTimeoutJob {

    private static final Logger log = LoggerFactory.getLogger(ReleaseTimeoutJob.class);
    private static final int BATCH = 500;

    private final JobStore jobs;
    private final OutcomeRecorder outcomes;
    private final Duration timeout;
    private final Clock clock;

    ReleaseTimeoutJob(JobStore jobs, OutcomeRecorder outcomes, PrintingProperties properties, Clock clock) {
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.timeout = properties.releaseTimeout();
        this.clock = clock;
    }

    @SchedulerLock(name = "printing.holdUnreportedReleases", lockAtMostFor = "PT30M")
    public void holdUnreportedReleases() {
        Instant now = clock.instant();
        int held = JobSweep.run(() -> jobs.releasedAtOrBefore(now.minus(timeout), BATCH),
                row -> outcomes.timeOut(row.job(), now), log, "hold again");
        if (held > 0) {
            log.info("Held {} released print jobs again: no device reported on them in {}", held, timeout);
        }
    }

    /** Runs {@code printing.holdUnreportedReleases} once per period across the server processes. */
    @Bean
    static PeriodicJob holdUnreportedReleasesPeriodically(ReleaseTimeoutJob releaseTimeoutJob,
                                                          @Value("${opencps.printing.release-check-interval:1m}") Duration every) {
        return new PeriodicJob("printing.holdUnreportedReleases", every, every, Duration.parse("PT30M"),
                releaseTimeoutJob::holdUnreportedReleases);
    }
}
