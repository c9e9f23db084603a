package org.opencps.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.internal.persistence.RollupStore;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writers of the roll-ups in separate transactions at once, as two server processes on one
 * database are: every addition counts once, in the day and in the month (run it with -Ppostgres).
 */
@OpenCpsTest
class RollupConcurrencyTest {

    private static final UsageFigures ONE_JOB = new UsageFigures(1, 2, 2, 0, 2, 2, 0, 2, 0, 0, 0);

    @Autowired World world;
    @Autowired UsageRecorder recorder;
    @Autowired RollupStore store;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    /**
     * The insert race made certain: the first writer has inserted the new day and month rows and
     * not committed; the second writer's addition waits on them (the test waits until the database
     * shows a session blocked) and, once the first commits, its insert fails on the key and it
     * updates the committed rows instead.
     */
    @Test
    void twoWritersAddingToTheSameNewDayAtOnceBothCount() throws Exception {
        OrgId org = world.customer(world.root(), "Roll-up upsert " + UUID.randomUUID());
        UUID person = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 2, 14);
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWithoutResult(status -> {
                store.add(org, Dimension.PERSON, person, day, ONE_JOB);
                firstAdded.countDown();
                await(firstMayCommit);
            }));
            await(firstAdded);
            Future<?> second = threads.submit(() -> transactions.executeWithoutResult(status ->
                    store.add(org, Dimension.PERSON, person, day, ONE_JOB)));
            eventually(() -> assertThat(sessionsWaitingForALock()).as("sessions waiting for a lock").isPositive());
            firstMayCommit.countDown();
            first.get();
            second.get();
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
        assertThat(jobs("reporting_daily", org, Dimension.PERSON, person)).isEqualTo(2);
        assertThat(jobs("reporting_monthly", org, Dimension.PERSON, person)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT sheets FROM reporting_monthly WHERE org_id = ? AND subject_id = ?")
                .params(org.value(), person).query(Long.class).single()).isEqualTo(4);
    }

    /** Jobs of one person on a few days of one month recorded from six threads at once, each in its own transaction. */
    @Test
    void jobsRecordedFromManyThreadsAtOnceAreEachCountedOnceInDaysAndMonths() throws Exception {
        OrgId org = world.customer(world.root(), "Roll-up writers " + UUID.randomUUID());
        UserId person = world.person(org, FixedRole.CUSTOMER_USER).userId();
        DeviceId printer = DeviceId.random();
        int writers = 6;
        int jobsEach = 15;
        CyclicBarrier together = new CyclicBarrier(writers);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                running.add(threads.submit(() -> {
                    together.await();
                    for (int j = 0; j < jobsEach; j++) {
                        Instant at = Instant.parse("2026-03-10T10:00:00Z").plus(j % 3, ChronoUnit.DAYS);
                        PrintJobCompleted job = new PrintJobCompleted(org, JobId.random(), person, printer, 1, ColorMode.MONOCHROME,
                                2, 2, 0, 2, false, at);
                        transactions.executeWithoutResult(status -> recorder.record(job));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            threads.shutdownNow();
        }
        long recorded = writers * jobsEach;
        for (String table : List.of("reporting_daily", "reporting_monthly")) {
            assertThat(jobs(table, org, Dimension.ORGANIZATION, org.value())).as(table).isEqualTo(recorded);
            assertThat(jobs(table, org, Dimension.PERSON, person.value())).as(table).isEqualTo(recorded);
            assertThat(jobs(table, org, Dimension.DEVICE, printer.value())).as(table).isEqualTo(recorded);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reporting_daily WHERE org_id = ? AND dimension = 'PERSON'").param(org.value())
                .query(Long.class).single()).as("days").isEqualTo(3);
    }

    private long jobs(String table, OrgId org, Dimension dimension, UUID subject) {
        return jdbc.sql("SELECT COALESCE(SUM(jobs), 0) FROM " + table + " WHERE org_id = ? AND dimension = ? AND subject_id = ?")
                .params(org.value(), dimension.name(), subject).query(Long.class).single();
    }

    private long sessionsWaitingForALock() throws Exception {
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        String sql = database.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                // H2 names no blocker for a row lock: a session still executing the roll-up's insert waits for one
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO reporting_%'";
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
