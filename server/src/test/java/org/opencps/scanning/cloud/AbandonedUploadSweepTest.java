package org.opencps.scanning.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.scanning.cloud.internal.AbandonedUploadSweep;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Upload sessions of deliveries that will not resume are forgotten once old enough; a scan still
 * waiting for delivery keeps its session however old, and a recent session is left alone.
 */
class AbandonedUploadSweepTest extends CloudTest {

    @Autowired AbandonedUploadSweep sweep;

    @Test
    void oldSessionsOfScansNoLongerWaitingGoAndTheOthersStay() {
        World.Person person = person();
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(2));
        UUID waiting = scan(person, "PENDING", now);
        UUID failed = scan(person, "FAILED", now);
        String orphan = UUID.randomUUID().toString();
        String recentOrphan = UUID.randomUUID().toString();
        session(person, waiting.toString(), old);
        session(person, failed.toString(), old);
        session(person, orphan, old);
        session(person, recentOrphan, now.minus(Duration.ofMinutes(5)));

        sweep.sweep();

        assertThat(keysOf(person)).containsExactlyInAnyOrder(waiting.toString(), recentOrphan);
    }

    private UUID scan(World.Person person, String state, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO scanning_scan (org_id, id, owner_id, kind, file_name, format, size, pages, state, attempts,
                        next_attempt_at, created_at, expires_at) VALUES (?, ?, ?, 'DRIVE', 'scan.pdf', 'PDF', 10, 1, ?, 1, ?, ?, ?)""")
                .params(person.orgId().value(), id, person.userId().value(), state,
                        // far ahead, so that no delivery worker takes the waiting one during the test
                        now.plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC),
                        now.plus(Duration.ofDays(60)).atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private void session(World.Person person, String key, Instant touched) {
        jdbc.sql("""
                        INSERT INTO scanning_cloud_upload (delivery_key, org_id, user_id, service, session_url, confirmed_offset,
                        failed_attempts, created_at, updated_at) VALUES (?, ?, ?, 'DRIVE', 'sealed', 0, 1, ?, ?)""")
                .params(key, person.orgId().value(), person.userId().value(), touched.atOffset(ZoneOffset.UTC),
                        touched.atOffset(ZoneOffset.UTC))
                .update();
    }

    private java.util.List<String> keysOf(World.Person person) {
        return jdbc.sql("SELECT delivery_key FROM scanning_cloud_upload WHERE org_id = ?").param(person.orgId().value())
                .query(String.class).list();
    }
}
