package org.opencps.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(OrgId org, String type, UserId actor, String subject, String detail, String sourceIp) {
        jdbc.sql("""
                        INSERT INTO audit_event (id, org_id, occurred_at, type, actor_user_id, subject, detail, source_ip)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), org == null ? null : org.value(), OffsetDateTime.now(clock), type,
                        actor == null ? null : actor.value(), truncate(subject, 300), truncate(detail, 2000), sourceIp)
                .update();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
