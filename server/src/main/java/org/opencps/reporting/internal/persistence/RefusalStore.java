package org.opencps.reporting.internal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.PrintReleaseRefused;

/** The {@code reporting_refusal} table: one row per refused release, with the groups it counts for. */
@org.springframework.stereotype.Repository
public class RefusalStore {

    public record Refusal(OrgId org, UUID eventId, UUID user, UUID device, UUID deviceGroup, Instant at,
                          PrintReleaseRefused.Reason reason, List<UUID> groups) {
    }

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    RefusalStore(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the event was recorded already (delivered again). */
    public boolean insertIfAbsent(Refusal r) {
        boolean present = jdbc.sql("SELECT COUNT(*) FROM reporting_refusal WHERE org_id = ? AND event_id = ?")
                .params(r.org().value(), r.eventId()).query(Long.class).single() > 0;
        if (present) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO reporting_refusal (org_id, event_id, user_id, device_id, device_group_id, refused_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(r.org().value(), r.eventId(), r.user(), r.device(), r.deviceGroup(), r.at().atOffset(ZoneOffset.UTC),
                        r.reason().name())
                .update();
        for (UUID group : r.groups()) {
            jdbc.sql("INSERT INTO reporting_refusal_group (org_id, event_id, group_id) VALUES (?, ?, ?)")
                    .params(r.org().value(), r.eventId(), group).update();
        }
        return true;
    }

    /** Refusals from (inclusive) to (exclusive), for rebuilding the roll-ups. */
    public List<Refusal> between(OrgId org, Instant from, Instant to) {
        Map<UUID, List<UUID>> groups = new HashMap<>();
        jdbc.sql("""
                        SELECT g.event_id, g.group_id FROM reporting_refusal_group g JOIN reporting_refusal r
                        ON r.org_id = g.org_id AND r.event_id = g.event_id
                        WHERE r.org_id = ? AND r.refused_at >= ? AND r.refused_at < ?""")
                .params(org.value(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    groups.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                });
        return jdbc.sql("SELECT * FROM reporting_refusal WHERE org_id = ? AND refused_at >= ? AND refused_at < ?")
                .params(org.value(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new Refusal(org, rs.getObject("event_id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("device_id", UUID.class), rs.getObject("device_group_id", UUID.class),
                        rs.getObject("refused_at", OffsetDateTime.class).toInstant(),
                        PrintReleaseRefused.Reason.valueOf(rs.getString("reason")),
                        groups.getOrDefault(rs.getObject("event_id", UUID.class), List.of())))
                .list();
    }

    /** When the organization's first (or last) refusal was; null without any. */
    public Instant firstOrLast(OrgId org, boolean first) {
        return jdbc.sql("SELECT " + (first ? "MIN" : "MAX") + "(refused_at) FROM reporting_refusal WHERE org_id = ?").param(org.value())
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list().stream()
                .filter(java.util.Objects::nonNull).map(OffsetDateTime::toInstant).findFirst().orElse(null);
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_refusal_group WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM reporting_refusal WHERE org_id = ?").param(org.value()).update();
    }
}
