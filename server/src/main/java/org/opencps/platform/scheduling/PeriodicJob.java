package org.opencps.platform.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * A job that runs once per period across all server processes on one database: declare it as a
 * bean and the platform runs it. Periods are aligned to the epoch on the database's clock; in each
 * one, the first process to claim it runs {@code work} and records the run in
 * {@code platform_job_run}. No process runs it before {@code initialDelay} after its start.
 * {@code lockAtMostFor} bounds the ShedLock lock that keeps two runs from overlapping when a run
 * lasts longer than its period.
 */
public record PeriodicJob(String name, Duration period, Duration initialDelay, Duration lockAtMostFor, Runnable work) {

    public PeriodicJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (period.isNegative() || period.toMillis() < 1) {
            throw new IllegalArgumentException("The period of job " + name + " must be at least a millisecond");
        }
    }
}
