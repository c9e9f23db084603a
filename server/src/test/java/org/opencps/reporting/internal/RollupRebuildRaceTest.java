package org.opencps.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild of an organization's roll-ups (after its time zone changed) and the recording of
 * jobs into them, from two threads at once, round after round: every job is counted exactly once.
 * Each round's job lands on a day of its own between the last days of a long history (every other
 * day), so that its roll-up rows are new and the rebuild reads its month last: unserialized, a
 * recording that committed between the rebuild's purge and that read was counted twice (by itself
 * and by the rebuild).
 */
@OpenCpsTest
class RollupRebuildRaceTest {

    private static final int ROUNDS = 12;
    private static final int HISTORY = 300;
    private static final Instant FIRST_DAY = Instant.parse("2025-01-01T12:00:00Z");

    @Autowired World world;
    @Autowired UsageRecorder recorder;
    @Autowired RollupRebuild rebuild;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void aJobRecordedWhileTheRollUpsAreRebuiltIsCountedOnce() throws Exception {
        OrgId org = world.customer(world.root(), "Rebuild race " + UUID.randomUUID());
        UserId person = world.person(org, FixedRole.CUSTOMER_USER).userId();
        DeviceId printer = DeviceId.random();
        // a long history, month by month, for each rebuild to read before it reaches the month of the job recorded meanwhile
        transactions.executeWithoutResult(status -> {
            for (int day = 0; day < HISTORY; day++) {
                recorder.record(job(org, person, printer, FIRST_DAY.plus(2L * day, ChronoUnit.DAYS)));
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // a day between two of the history's last ones, as a job whose event arrives late
                PrintJobCompleted job = job(org, person, printer, FIRST_DAY.plus(2L * HISTORY - 1 - 2L * round, ChronoUnit.DAYS));
                ZoneId zone = ZoneId.of(round % 2 == 0 ? "Europe/Berlin" : "UTC");
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> rebuilding = threads.submit(() -> {
                    together.await();
                    transactions.executeWithoutResult(status -> rebuild.rebuild(org, zone));
                    return null;
                });
                Future<?> recording = threads.submit(() -> {
                    together.await();
                    transactions.executeWithoutResult(status -> recorder.record(job));
                    return null;
                });
                rebuilding.get();
                recording.get();
            }
        } finally {
            threads.shutdownNow();
        }

        long recorded = jdbc.sql("SELECT COUNT(*) FROM reporting_usage WHERE org_id = ?").param(org.value())
                .query(Long.class).single();
        long counted = jdbc.sql("SELECT COALESCE(SUM(jobs), 0) FROM reporting_daily WHERE org_id = ? AND dimension = 'ORGANIZATION'")
                .param(org.value()).query(Long.class).single();
        long countedForThePerson = jdbc.sql("""
                        SELECT COALESCE(SUM(jobs), 0) FROM reporting_daily WHERE org_id = ? AND dimension = 'PERSON' AND subject_id = ?""")
                .params(org.value(), person.value()).query(Long.class).single();
        assertThat(recorded).isEqualTo(HISTORY + ROUNDS);
        assertThat(counted).isEqualTo(recorded);
        assertThat(countedForThePerson).isEqualTo(recorded);
    }

    private static PrintJobCompleted job(OrgId org, UserId person, DeviceId printer, Instant at) {
        return new PrintJobCompleted(org, JobId.random(), person, printer, 1, ColorMode.MONOCHROME, 1, 1, 0, 1, false, at);
    }
}
