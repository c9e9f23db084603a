package org.opencps.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.opencps.platform.errors.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits per key (a source address, an e-mail address, a device), refilled on
 * the injected clock. Buckets live in this process; with several processes each enforces its own share.
 */
@Component
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final ConcurrentMap<String, Limit> buckets = new ConcurrentHashMap<>();
    /**
     * Keys being refused in a run, which ends once their bucket is full again; the first refusal of
     * a run is the one worth reporting.
     */
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final TimeMeter time;

    RateLimiter(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one token from the bucket {@code key}, or throws 429 saying when to try again. */
    public void acquire(String key, int capacity, Duration refillPeriod, String what) {
        var probe = bucket(key, capacity, refillPeriod).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw refusal(key, what, probe.getNanosToWaitForRefill());
        }
        if (probe.getRemainingTokens() >= capacity - 1) {
            refusing.remove(key);
        }
    }

    /**
     * For a budget of failures: throws 429 while the failures {@link #charge charged} to {@code key}
     * have used it up, and takes nothing. A key with nothing charged costs a map lookup.
     */
    public void requireAvailable(String key, String what) {
        Limit limit = buckets.get(key);
        if (limit == null) {
            return;
        }
        var estimate = limit.bucket().estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw refusal(key, what, estimate.getNanosToWaitForRefill());
        }
        if (limit.bucket().getAvailableTokens() >= limit.capacity()) {
            refusing.remove(key);
        }
    }

    /**
     * Charges one failure to the budget {@code key}, even past its end: failures that passed
     * {@link #requireAvailable} together are all paid for (the budget goes into debt), so over time
     * no more than {@code capacity} per {@code refillPeriod} get through.
     */
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
     * them changes nothing), then, if need be, all but those refusing: a flood of new keys cannot
     * wipe the limits that are biting.
     */
    private void forgetIdle() {
        buckets.entrySet().removeIf(entry -> entry.getValue().bucket().getAvailableTokens() >= entry.getValue().capacity());
        if (buckets.size() > MAX_KEYS) {
            buckets.keySet().retainAll(refusing);
        }
        refusing.retainAll(buckets.keySet());
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
            refusing.clear();
        }
    }

    private record Limit(Bucket bucket, int capacity) {
    }

    private TooManyRequestsException refusal(String key, String what, long nanosToWait) {
        return new TooManyRequestsException("too many " + what + "; try again later", Duration.ofNanos(nanosToWait),
                refusing.add(key));
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
