package org.opencps.client.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff: each failure in a row doubles the wait up to {@code max}; a success
 * starts over. The wait is drawn between half and all of the current step, so many agents cut off
 * by the same outage do not all come back in the same second.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration step;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.step = initial;
    }

    /** The time to wait after one more failure. */
    public Duration failed() {
        Duration current = step;
        Duration doubled = step.multipliedBy(2);
        step = doubled.compareTo(max) > 0 ? max : doubled;
        long half = current.toMillis() / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(current.toMillis() - half + 1));
    }

    public void succeeded() {
        step = initial;
    }

    /** The step the next failure waits up to (for tests and log lines). */
    public Duration currentStep() {
        return step;
    }
}
