package org.opencps.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencps.platform.internal.persistence.JobRunStore;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A periodic job's period is claimed by exactly one of several processes racing for it, on the
 * database's clock, and each run leaves a record. Two claimers here are two threads with their own
 * connections (and two runners with their own process names) on one database: on PostgreSQL
 * ({@code -Ppostgres}) that is what two server processes do.
 */
@OpenCpsTest
class PeriodicJobsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    /** So long that no period ends while a test runs (periods are aligned to the epoch). */
    private static final Duration CENTURY = Duration.ofDays(36_500);

    @Autowired
    JobRunStore runs;
    @Autowired
    LockProvider lockProvider;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void ofTwoConcurrentClaimersOfOnePeriodExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String job = "test.claim." + UUID.randomUUID();
            CyclicBarrier together = new CyclicBarrier(2);
            List<Optional<JobRunStore.Claim>> claims = both(
                    () -> { together.await(); return runs.claim(job, CENTURY, "process-a"); },
                    () -> { together.await(); return runs.claim(job, CENTURY, "process-b"); });

            assertThat(claims.stream().filter(Optional::isPresent).count()).as("winners in round %d", round).isEqualTo(1);
            String winner = claims.get(0).isPresent() ? "process-a" : "process-b";
            assertThat(jdbc.sql("SELECT process FROM platform_job_run WHERE job = ?").param(job).query(String.class).list())
                    .containsExactly(winner);
        }
    }

    @Test
    void twoProcessesLookingAtAJobTogetherRunItOnceAndRecordTheRun() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("test.run." + UUID.randomUUID(), CENTURY, HOUR, HOUR, ran::incrementAndGet);
        var metersA = new SimpleMeterRegistry();
        var metersB = new SimpleMeterRegistry();
        JobRunner a = new JobRunner(runs, lockProvider, metersA, "process-a");
        JobRunner b = new JobRunner(runs, lockProvider, metersB, "process-b");

        for (int look = 0; look < 5; look++) {
            CyclicBarrier together = new CyclicBarrier(2);
            both(() -> { together.await(); a.look(job); return true; },
                    () -> { together.await(); b.look(job); return true; });
        }

        assertThat(ran).hasValue(1);
        Map<String, Object> record = jdbc.sql("SELECT process, outcome, started_at, finished_at FROM platform_job_run WHERE job = ?")
                .param(job.name()).query().singleRow();
        assertThat(record.get("process")).isIn("process-a", "process-b");
        assertThat(record.get("outcome")).isEqualTo("DONE");
        assertThat(record.get("finished_at")).isNotNull();
        assertThat(runsCounted(metersA, job) + runsCounted(metersB, job)).isEqualTo(1.0);
    }

    @Test
    void aFailedRunIsRecordedAndNotRepeatedInItsPeriod() {
        AtomicInteger tried = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("test.fail." + UUID.randomUUID(), CENTURY, HOUR, HOUR, () -> {
            tried.incrementAndGet();
            throw new IllegalStateException("test failure");
        });
        JobRunner runner = new JobRunner(runs, lockProvider, new SimpleMeterRegistry(), "process-a");

        runner.look(job);
        runner.look(job);

        assertThat(tried).hasValue(1);
        assertThat(jdbc.sql("SELECT outcome FROM platform_job_run WHERE job = ?").param(job.name()).query(String.class).single())
                .isEqualTo("FAILED");
    }

    @Test
    void thePeriodComesFromTheDatabasesClockNotTheServers() {
        Instant before = clock.instant();
        clock.set(Instant.parse("2001-01-01T00:00:00Z"));
        try {
            String job = "test.clock." + UUID.randomUUID();
            JobRunStore.Claim claim = runs.claim(job, HOUR, "process-a").orElseThrow();

            Instant database = runs.databaseNow();
            assertThat(claim.startedAt()).isBetween(database.minus(Duration.ofDays(1)), database);
            assertThat(claim.periodStart()).isEqualTo(JobRunStore.periodStart(claim.startedAt(), HOUR));
        } finally {
            clock.set(before);
        }
    }

    @Test
    void periodsAreAlignedToTheEpoch() {
        assertThat(JobRunStore.periodStart(Instant.parse("2026-12-07T22:59:59.999Z"), Duration.ofMinutes(15)))
                .isEqualTo(Instant.parse("2026-12-07T22:45:00Z"));
        assertThat(JobRunStore.periodStart(Instant.parse("2026-12-07T23:00:00Z"), Duration.ofHours(6)))
                .isEqualTo(Instant.parse("2026-12-07T18:00:00Z"));
    }

    private <T> List<T> both(Callable<T> first, Callable<T> second) throws Exception {
        Future<T> one = threads.submit(first);
        Future<T> two = threads.submit(second);
        return List.of(one.get(), two.get());
    }

    private static double runsCounted(SimpleMeterRegistry meters, PeriodicJob job) {
        var counter = meters.find("opencps.jobs.runs").tag("job", job.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}
