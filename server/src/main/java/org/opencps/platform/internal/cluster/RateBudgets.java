package org.opencps.platform.internal.cluster;

import java.time.Duration;

/**
 * Where the token buckets of {@link org.opencps.platform.ratelimit.RateLimiter} are kept: in this
 * process (one server on H2) or in PostgreSQL (every server process draws on the same budget).
 * A bucket holds {@code capacity} tokens and refills them all, evenly, over {@code refillPeriod}.
 */
public interface RateBudgets {

    /**
     * What a bucket allows now. {@code allowed}: a token was (or could be) taken; otherwise
     * {@code nanosToWait} until one is there. {@code rested}: apart from this take, nothing has
     * been spent lately (the bucket is, or was just before, full).
     */
    record Level(boolean allowed, long nanosToWait, boolean rested) {

        public static final Level UNTOUCHED = new Level(true, 0, true);
    }

    /** Takes one token if there is one. */
    Level take(String key, int capacity, Duration refillPeriod);

    /** Whether a token could be taken, taking nothing; a key never charged is {@link Level#UNTOUCHED}. */
    Level peek(String key);

    /** Takes one token even when there is none: the bucket goes into debt. */
    void charge(String key, int capacity, Duration refillPeriod);
}
