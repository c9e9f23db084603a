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

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Keys being refused right now; the first refusal of a run is the one worth reporting. */
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final TimeMeter time;

    RateLimiter(Clock clock) {
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one token from the bucket {@code key}, or throws 429 saying when to try again. */
    public void acquire(String key, int capacity, Duration refillPeriod, String what) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
            refusing.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
                .withCustomTimePrecision(time)
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            refusing.remove(key);
        } else {
            throw new TooManyRequestsException("too many " + what + "; try again later",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()), refusing.add(key));
        }
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
