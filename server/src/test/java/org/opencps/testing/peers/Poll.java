package org.opencps.testing.peers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls until something is there, or gives up at a deadline. */
public final class Poll {

    private static final long FIRST_PAUSE_MS = 20;
    private static final long LONGEST_PAUSE_MS = 250;

    private Poll() {
    }

    /**
     * The first value the probe yields within the timeout; otherwise an exception saying what was awaited
     * and, from {@code state}, what was seen last.
     */
    public static <T> T until(Duration timeout, String awaited, Supplier<Optional<T>> probe, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("gave up after " + timeout.toMillis() + " ms waiting for " + awaited
                        + "\n" + state.get());
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + awaited, e);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }
}
