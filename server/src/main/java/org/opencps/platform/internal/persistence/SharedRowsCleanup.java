package org.opencps.platform.internal.persistence;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.platform.internal.cluster.RateBudgets;
import org.opencps.platform.internal.cluster.UsedChallenges;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops the shared rows that no longer change anything: budgets full again, challenges expired.
 * One process at a time (ShedLock); nothing to do on H2, where they are kept in memory.
 */
@Component
class SharedRowsCleanup {

    private final RateBudgets budgets;
    private final UsedChallenges challenges;

    SharedRowsCleanup(RateBudgets budgets, UsedChallenges challenges) {
        this.budgets = budgets;
        this.challenges = challenges;
    }

    @Scheduled(initialDelayString = "${opencps.cluster.cleanup-interval:10m}", fixedDelayString = "${opencps.cluster.cleanup-interval:10m}")
    @SchedulerLock(name = "platform.forgetSharedRows", lockAtMostFor = "PT10M")
    public void forgetWhatNoLongerCounts() {
        if (budgets instanceof PostgresRateBudgets shared) {
            shared.forgetRested();
        }
        if (challenges instanceof PostgresUsedChallenges shared) {
            shared.forgetExpired();
        }
    }
}
