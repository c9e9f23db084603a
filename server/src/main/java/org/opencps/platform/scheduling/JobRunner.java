package org.opencps.platform.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.opencps.platform.internal.persistence.JobRunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One look at one periodic job: if nobody has claimed the current period (on the database's
 * clock), take the job's ShedLock lock (so that a run outlasting its period never overlaps the
 * next), claim the period (the insert only one process wins), run the work and record how it
 * ended. Each finished run also counts in the metric {@code opencps.jobs.runs} (job, outcome) of
 * the process that ran it.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRunStore runs;
    private final LockingTaskExecutor locks;
    private final MeterRegistry meters;
    private final String process;

    JobRunner(JobRunStore runs, LockProvider lockProvider, MeterRegistry meters, String process) {
        this.runs = runs;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.meters = meters;
        this.process = process;
    }

    String process() {
        return process;
    }

    /** Looks at {@code job} once: runs it when its current period is still unclaimed. */
    void look(PeriodicJob job) {
        try {
            if (runs.claimedNow(job.name(), job.period())) {
                return;
            }
            locks.executeWithLock((Runnable) () -> claimAndRun(job),
                    new LockConfiguration(Instant.now(), job.name(), job.lockAtMostFor(), Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("Could not look at the periodic job {}; the next look tries again", job.name(), e);
        }
    }

    private void claimAndRun(PeriodicJob job) {
        runs.claim(job.name(), job.period(), process).ifPresent(claim -> {
            String outcome = "FAILED";
            try {
                job.work().run();
                outcome = "DONE";
            } catch (RuntimeException e) {
                log.error("The periodic job {} failed for the period from {}", job.name(), claim.periodStart(), e);
            } finally {
                runs.finished(claim, outcome);
                Counter.builder("opencps.jobs.runs").description("Runs of the periodic jobs by this process")
                        .tag("job", job.name()).tag("outcome", outcome).register(meters).increment();
            }
        });
    }
}
