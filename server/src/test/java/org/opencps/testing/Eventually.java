package org.opencps.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;

/**
 * For what happens after a commit, on another thread (audit records, usage records): checks the
 * assertions again and again until they hold, failing with the last one that did not after a
 * generous bound. Not a delay: it returns as soon as they hold.
 */
public final class Eventually {

    public static final Duration AT_MOST = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void eventually(ThrowingRunnable assertions) {
        Awaitility.await().atMost(AT_MOST).pollInterval(Duration.ofMillis(20)).untilAsserted(assertions);
    }
}
