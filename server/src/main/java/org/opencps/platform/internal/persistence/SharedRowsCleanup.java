package org.opencps.platform.internal.persistence;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.platform.internal.cluster.RateBudgets;
import org.opencps.platform.internal.cluster.UsedChallenges;
import org.opencps.platform.scheduling.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Drops the shared rows that no longer change anything: budgets full again, challenges expired
 * (nothing to do on H2, where they are kept in memory), and the records of periodic job runs older
 * than {@code opencps.jobs.run-record-retention} (7 days by default).
 */
@Component
class SharedRowsCleanup {

    private final RateBudgets budgets;
    private final UsedChallenges challenges;
    private final JobRunStore jobRuns;
    private final Duration runRecordRetention;

    SharedRowsCleanup(RateBudgets budgets, UsedChallenges challenges, JobRunStore jobRuns,
                      @Value("${opencps.jobs.run-record-retention:7d}") Duration runRecordRetention) {
        this.budgets = budgets;
        this.challenges = challenges;
        this.jobRuns = jobRuns;
        this.runRecordRetention = runRecordRetention;
    }

    @SchedulerLock(name = "platform.forgetSharedRows", lockAtMostFor = "PT10M")
    public void forgetWhatNoLongerCounts() {
        if (budgets instanceof PostgresRateBudgets shared) {
            shared.forgetRested();
        }
        if (challenges instanceof PostgresUsedChallenges shared) {
            shared.forgetExpired();
        }
        jobRuns.forgetStartedBefore(jobRuns.databaseNow().minus(runRecordRetention));
    }

    /** Runs {@code platform.forgetSharedRows} once per period across the server processes. */
    @Bean
    static PeriodicJob forgetSharedRowsPeriodically(SharedRowsCleanup sharedRowsCleanup,
                                                    @Value("${opencps.cluster.cleanup-interval:10m}") Duration every) {
        return new PeriodicJob("platform.forgetSharedRows", every, every, Duration.parse("PT10M"),
                sharedRowsCleanup::forgetWhatNoLongerCounts);
    }
}
