package org.opencps.client.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, saying what was seen last when it never came true. */
public final class Wait {

    /** A check that may fail with an exception (treated as "not yet"). */
    public interface Check<T> {
        Optional<T> get() throws Exception;
    }

    private Wait() {
    }

    public static <T> T until(Duration timeout, String what, Check<T> check, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20;
        Exception last = null;
        while (true) {
            try {
                Optional<T> value = check.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + seen.get()
                        + (last == null ? "" : "; last error: " + last), last);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 500);
        }
    }
}
