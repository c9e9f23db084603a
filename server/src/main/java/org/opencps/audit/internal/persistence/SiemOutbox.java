package org.opencps.audit.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencps.audit.internal.siem.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SIEM outbox: the audit records themselves, read per organization in the order they were
 * recorded, and per (target, organization) a cursor on the last one delivered.
 *
 * <p>The order is each chain's {@code seq} (see the audit chain): gapless and committed in order per
 * organization, so a reader never sees a record before the one ahead of it. A cursor whose last
 * record was pruned since starts again from the oldest record kept (at least once).
 */
@Repository
public class SiemOutbox {

    /** Stands for "no organization" in a cursor's key. */
    public static final UUID NO_ORGANIZATION = new UUID(0, 0);

    /** Record {@code a} comes after the cursor's record {@code d}. */
    private static final String AFTER_CURSOR = "a.seq > d.seq";
    private static final String IN_ORDER = "a.seq";

    private final JdbcClient jdbc;

    SiemOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The records not yet delivered to {@code target}, counted per organization key: what the
     * sender works through and, summed, the backlog. A cursor whose record was pruned counts as none.
     */
    public Map<UUID, Long> pending(String target) {
        Map<UUID, Long> pending = new LinkedHashMap<>();
        // grouped outside: PostgreSQL takes two uses of one parameter for different expressions
        jdbc.sql("SELECT org_key, COUNT(*) AS n FROM (SELECT COALESCE(a.org_id, :none) AS org_key FROM audit_event a "
                        + "LEFT JOIN audit_siem_cursor c ON c.target = :target AND c.org_key = COALESCE(a.org_id, :none) "
                        + "LEFT JOIN audit_event d ON d.id = c.last_record_id "
                        + "WHERE d.id IS NULL OR " + AFTER_CURSOR + ") p GROUP BY org_key")
                .param("none", NO_ORGANIZATION).param("target", target)
                .query((rs, n) -> Map.entry(rs.getObject("org_key", UUID.class), rs.getLong("n")))
                .list().forEach(entry -> pending.put(entry.getKey(), entry.getValue()));
        return pending;
    }

    /** The next records of one organization (key) after the cursor of {@code target}, oldest first. */
    public List<AuditRecord> next(String target, UUID orgKey, int limit) {
        String ofOrganization = NO_ORGANIZATION.equals(orgKey) ? "a.org_id IS NULL" : "a.org_id = :org";
        var query = jdbc.sql("SELECT a.id, a.org_id, a.occurred_at, a.type, a.actor_user_id, a.subject, a.detail, a.source_ip "
                        + "FROM audit_event a "
                        + "LEFT JOIN audit_siem_cursor c ON c.target = :target AND c.org_key = :orgKey "
                        + "LEFT JOIN audit_event d ON d.id = c.last_record_id "
                        + "WHERE " + ofOrganization + " AND (d.id IS NULL OR " + AFTER_CURSOR + ") "
                        + "ORDER BY " + IN_ORDER + " LIMIT :limit")
                .param("target", target).param("orgKey", orgKey).param("limit", limit);
        if (!NO_ORGANIZATION.equals(orgKey)) {
            query = query.param("org", orgKey);
        }
        return query.query(SiemOutbox::record).list();
    }

    /** The last record delivered to {@code target} of that organization (key), if any. */
    public Optional<UUID> cursor(String target, UUID orgKey) {
        return jdbc.sql("SELECT last_record_id FROM audit_siem_cursor WHERE target = ? AND org_key = ?")
                .params(target, orgKey).query(UUID.class).optional();
    }

    /** Moves the cursor to {@code lastDelivered}: called only after the target took everything up to it. */
    public void advance(String target, UUID orgKey, UUID lastDelivered, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE audit_siem_cursor SET last_record_id = ?, delivered_at = ? WHERE target = ? AND org_key = ?")
                .params(lastDelivered, at, target, orgKey).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO audit_siem_cursor (target, org_key, last_record_id, delivered_at) VALUES (?, ?, ?, ?)")
                    .params(target, orgKey, lastDelivered, at).update();
        }
    }

    /** An organization's cursors, when the organization is purged. */
    public void deleteOrganization(UUID org) {
        jdbc.sql("DELETE FROM audit_siem_cursor WHERE org_key = ?").param(org).update();
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("type"),
                rs.getObject("actor_user_id", UUID.class), rs.getString("subject"), rs.getString("detail"),
                rs.getString("source_ip"));
    }
}
