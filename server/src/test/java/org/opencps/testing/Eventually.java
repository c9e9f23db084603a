package org.opencps.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For what happens after a commit, on another thread (audit records, usage records, mails): checks
 * the assertions again and again until they hold, failing with the last one that did not after a
 * generous bound. Not a delay: it returns as soon as they hold.
 */
public final class Eventually {

    public static final Duration AT_MOST = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void eventually(ThrowingRunnable assertions) {
        Awaitility.await().atMost(AT_MOST).pollInterval(Duration.ofMillis(20)).untilAsserted(assertions);
    }

    /**
     * Until every event published so far has reached its after-commit listeners (the event
     * registry holds none undelivered): then what they did not do, a record or a mail that must
     * not be there, can be checked too.
     */
    public static void allEventsDelivered(JdbcClient jdbc) {
        eventually(() -> assertThat(jdbc.sql("SELECT event_type || ' to ' || listener_id FROM event_publication WHERE completion_date IS NULL")
                .query(String.class).list()).as("events not yet delivered").isEmpty());
    }
}
