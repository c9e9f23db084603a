package org.opencps.platform.internal.cluster;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Budgets in this process's memory (Bucket4j): the single-process path, on H2. */
public final class InProcessRateBudgets implements RateBudgets {

    private static final int MAX_KEYS = 100_000;

    private final ConcurrentMap<String, Limit> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    public InProcessRateBudgets(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public Level take(String key, int capacity, Duration refillPeriod) {
        var probe = bucket(key, capacity, refillPeriod).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return new Level(false, probe.getNanosToWaitForRefill(), false);
        }
        return new Level(true, 0, probe.getRemainingTokens() >= capacity - 1);
    }

    @Override
    public Level peek(String key) {
        Limit limit = buckets.get(key);
        if (limit == null) {
            return Level.UNTOUCHED;
        }
        var estimate = limit.bucket().estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            return new Level(false, estimate.getNanosToWaitForRefill(), false);
        }
        return new Level(true, 0, limit.bucket().getAvailableTokens() >= limit.capacity());
    }

    @Override
    public void charge(String key, int capacity, Duration refillPeriod) {
        bucket(key, capacity, refillPeriod).consumeIgnoringRateLimits(1);
    }

    private Bucket bucket(String key, int capacity, Duration refillPeriod) {
        if (buckets.size() > MAX_KEYS) {
            forgetIdle();
        }
        return buckets.computeIfAbsent(key, k -> new Limit(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
                .withCustomTimePrecision(time)
                .build(), capacity)).bucket();
    }

    /**
     * Makes room by dropping the buckets that are full again (nothing taken lately, so forgetting
     * them changes nothing), then, if need be, all but those refusing now: a flood of new keys
     * cannot wipe the limits that are biting.
     */
    private void forgetIdle() {
        buckets.values().removeIf(limit -> limit.bucket().getAvailableTokens() >= limit.capacity());
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(limit -> limit.bucket().getAvailableTokens() >= 1);
        }
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
    }

    private record Limit(Bucket bucket, int capacity) {
    }

    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            var now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
