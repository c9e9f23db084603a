package org.opencps.audit.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each organization's own SIEM target ({@code audit_siem_org_target}) and the sender's state of delivery to it. */
@Repository
public class OrganizationSiemStore {

    /** The name of these targets' delivery cursors in {@code audit_siem_cursor} (keyed by the organization). */
    public static final String CURSOR_TARGET = "organization";

    /** An organization's target as set, and how delivery to it went. */
    public record Row(UUID orgId, String host, int port, String format, String trustedCertificates, Instant changedAt,
                      int failures, Instant nextAttemptAt, Instant lastDeliveredAt, String lastError, Instant lastErrorAt) {
    }

    private static final String COLUMNS = "org_id, host, port, format, trusted_certificates, changed_at, failures, next_attempt_at, "
            + "last_delivered_at, last_error, last_error_at";

    private final JdbcClient jdbc;

    OrganizationSiemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(UUID org) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_siem_org_target WHERE org_id = ?").param(org)
                .query(OrganizationSiemStore::row).optional();
    }

    /** The targets whose turn it is: never failed, or their backoff is over. */
    public List<Row> due(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_siem_org_target WHERE next_attempt_at IS NULL OR next_attempt_at <= ? "
                        + "ORDER BY org_id")
                .param(utc(now)).query(OrganizationSiemStore::row).list();
    }

    /** Sets the target; a changed target is tried at once, its delivery state (and cursor) kept. */
    public void save(UUID org, String host, int port, String format, String trustedCertificates, UUID by, Instant now) {
        int updated = jdbc.sql("UPDATE audit_siem_org_target SET host = ?, port = ?, format = ?, trusted_certificates = ?, "
                        + "changed_at = ?, changed_by = ?, failures = 0, next_attempt_at = NULL WHERE org_id = ?")
                .params(host, port, format, trustedCertificates, utc(now), by, org).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO audit_siem_org_target (org_id, host, port, format, trusted_certificates, changed_at, changed_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(org, host, port, format, trustedCertificates, utc(now), by).update();
        }
    }

    /** Removes the target and its cursor: set again later, it starts from the oldest record kept. */
    public boolean delete(UUID org) {
        jdbc.sql("DELETE FROM audit_siem_cursor WHERE target = ? AND org_key = ?").params(CURSOR_TARGET, org).update();
        return jdbc.sql("DELETE FROM audit_siem_org_target WHERE org_id = ?").param(org).update() > 0;
    }

    /** Everything pending was delivered (or there was nothing): no backoff. */
    public void delivered(UUID org, Instant at, boolean sentSomething) {
        jdbc.sql("UPDATE audit_siem_org_target SET failures = 0, next_attempt_at = NULL"
                        + (sentSomething ? ", last_delivered_at = :at" : "") + " WHERE org_id = :org")
                .param("at", utc(at)).param("org", org).update();
    }

    /** A delivery failed with {@code error} (a code): the next attempt waits until {@code retryAt}. */
    public void failed(UUID org, String error, Instant at, Instant retryAt) {
        jdbc.sql("UPDATE audit_siem_org_target SET failures = failures + 1, next_attempt_at = ?, last_error = ?, last_error_at = ? "
                        + "WHERE org_id = ?")
                .params(utc(retryAt), error, utc(at), org).update();
    }

    /** Records not yet delivered to the organizations' own targets, summed over all of them: the backlog. */
    public long backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event a JOIN audit_siem_org_target t ON t.org_id = a.org_id "
                        + "LEFT JOIN audit_siem_cursor c ON c.target = ? AND c.org_key = a.org_id "
                        + "LEFT JOIN audit_event d ON d.id = c.last_record_id WHERE d.id IS NULL OR a.seq > d.seq")
                .param(CURSOR_TARGET).query(Long.class).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("org_id", UUID.class), rs.getString("host"), rs.getInt("port"), rs.getString("format"),
                rs.getString("trusted_certificates"), instant(rs, "changed_at"), rs.getInt("failures"), instant(rs, "next_attempt_at"),
                instant(rs, "last_delivered_at"), rs.getString("last_error"), instant(rs, "last_error_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
