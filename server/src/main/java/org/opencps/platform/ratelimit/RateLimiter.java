package org.opencps.platform.ratelimit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.internal.cluster.RateBudgets;
import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits per key (a source address, an e-mail address, a device), refilled on
 * the injected clock. The buckets are the {@link RateBudgets}: in this process on H2, in
 * PostgreSQL when several processes share one database, so they all draw on one budget.
 */
@Component
public class RateLimiter {

    private static final int MAX_REFUSING = 100_000;

    /**
     * Keys being refused in a run, which ends once their bucket is full again; the first refusal of
     * a run is the one worth reporting. Kept per process: with several, each reports its first.
     */
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final RateBudgets budgets;

    RateLimiter(RateBudgets budgets) {
        this.budgets = budgets;
    }

    /** Takes one token from the bucket {@code key}, or throws 429 saying when to try again. */
    public void acquire(String key, int capacity, Duration refillPeriod, LimitedAction what) {
        settle(key, what, budgets.take(key, capacity, refillPeriod));
    }

    /**
     * For a budget of failures: throws 429 while the failures {@link #charge charged} to {@code key}
     * have used it up, and takes nothing.
     */
    public void requireAvailable(String key, LimitedAction what) {
        settle(key, what, budgets.peek(key));
    }

    /**
     * Charges one failure to the budget {@code key}, even past its end: failures that passed
     * {@link #requireAvailable} together are all paid for (the budget goes into debt), so over time
     * no more than {@code capacity} per {@code refillPeriod} get through.
     */
    public void charge(String key, int capacity, Duration refillPeriod) {
        budgets.charge(key, capacity, refillPeriod);
    }

    private void settle(String key, LimitedAction what, RateBudgets.Level level) {
        if (!level.allowed()) {
            if (refusing.size() >= MAX_REFUSING) {
                refusing.clear();
            }
            Duration wait = Duration.ofNanos(level.nanosToWait());
            throw new TooManyRequestsException(what.messageKey(), "too many " + what.english() + "; try again later",
                    wait, refusing.add(key), minutesToWait(wait));
        }
        if (level.rested()) {
            refusing.remove(key);
        }
    }

    /** The wait in whole minutes for the portal's sentence: rounded up, like the Retry-After, at least 1. */
    private static long minutesToWait(Duration wait) {
        return Math.max(1, (Long.parseLong(TooManyRequestsException.retryAfterSeconds(wait)) + 59) / 60);
    }
}
