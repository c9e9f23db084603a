package org.opencps.scanning.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.documents.DocumentId;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.Scan;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code scanning_scan} table. Every lookup is by organization first, except the two sweeps
 * that span organizations on purpose: the delivery worker's due scans and the retention purge.
 * A due scan is delivered by whichever process claims it: the claim is a conditional update that
 * only one of several processes wins, and it lapses ({@code claimed_until}) if that process dies.
 */
@Repository
public class ScanStore {

    /** A scan with its document (null once deleted) and the workflow it went through (null if none). */
    public record Row(Scan scan, DocumentId document, UUID workflowId) {
    }

    private static final String COLUMNS = """
            org_id, id, owner_id, device_id, kind, destination, workflow_id, workflow_name, file_name, format, size, pages,
            document_id, state, attempts, last_error, created_at, finished_at, expires_at""";

    private final JdbcClient jdbc;

    ScanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Scan scan, DocumentId document, UUID workflowId, Instant nextAttemptAt) {
        jdbc.sql("INSERT INTO scanning_scan (" + COLUMNS + ", next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(scan.orgId().value(), scan.id(), scan.owner().value(), scan.device() == null ? null : scan.device().value(),
                        scan.kind().name(), scan.destination(), workflowId, scan.workflow(), scan.fileName(), scan.format().name(),
                        scan.size(), scan.pages(), document == null ? null : document.value(), scan.state().name(), scan.attempts(),
                        scan.lastError(), utc(scan.createdAt()), utc(scan.finishedAt()), utc(scan.expiresAt()), utc(nextAttemptAt))
                .update();
    }

    public Optional<Row> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_scan WHERE org_id = ? AND id = ?")
                .params(org.value(), id).query(ScanStore::row).optional();
    }

    public List<Scan> ofOwner(OrgId org, UserId owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_scan WHERE org_id = ? AND owner_id = ? ORDER BY created_at DESC, id")
                .params(org.value(), owner.value()).query(ScanStore::row).list().stream().map(Row::scan).toList();
    }

    /** How many scans the person ever made here that are still recorded (for the {counter} of file names). */
    public long countOfOwner(OrgId org, UserId owner) {
        return jdbc.sql("SELECT COUNT(*) FROM scanning_scan WHERE org_id = ? AND owner_id = ?")
                .params(org.value(), owner.value()).query(Long.class).single();
    }

    /** Pending scans whose next attempt is due and that no live claim holds, across organizations, oldest first. */
    public List<Row> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_scan WHERE state = 'PENDING' AND next_attempt_at <= ?"
                        + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY")
                .params(utc(now), utc(now)).query(ScanStore::row).list();
    }

    /** Takes the scan for one delivery attempt until {@code until}; false when another process holds it or it is no longer due. */
    public boolean claim(OrgId org, UUID id, Instant now, Instant until) {
        return jdbc.sql("UPDATE scanning_scan SET claimed_until = ? WHERE org_id = ? AND id = ? AND state = 'PENDING'"
                        + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)")
                .params(utc(until), org.value(), id, utc(now), utc(now)).update() == 1;
    }

    public void delivered(OrgId org, UUID id, int attempts, String remoteId, Instant at) {
        jdbc.sql("UPDATE scanning_scan SET state = 'DELIVERED', attempts = ?, remote_id = ?, last_error = NULL, finished_at = ?,"
                        + " next_attempt_at = NULL, claimed_until = NULL WHERE org_id = ? AND id = ?")
                .params(attempts, remoteId, utc(at), org.value(), id).update();
    }

    public void retryAt(OrgId org, UUID id, int attempts, String error, Instant next) {
        jdbc.sql("UPDATE scanning_scan SET attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL"
                        + " WHERE org_id = ? AND id = ?")
                .params(attempts, truncate(error), utc(next), org.value(), id).update();
    }

    public void failed(OrgId org, UUID id, int attempts, String error, Instant at) {
        jdbc.sql("UPDATE scanning_scan SET state = 'FAILED', attempts = ?, last_error = ?, finished_at = ?, next_attempt_at = NULL,"
                        + " claimed_until = NULL WHERE org_id = ? AND id = ?")
                .params(attempts, truncate(error), utc(at), org.value(), id).update();
    }

    /** A failed scan whose document is still kept goes back to PENDING, due now; false otherwise. */
    public boolean retry(OrgId org, UUID id, Instant now) {
        return jdbc.sql("UPDATE scanning_scan SET state = 'PENDING', attempts = 0, finished_at = NULL, next_attempt_at = ?,"
                        + " claimed_until = NULL WHERE org_id = ? AND id = ? AND state = 'FAILED' AND document_id IS NOT NULL")
                .params(utc(now), org.value(), id).update() == 1;
    }

    public void delete(OrgId org, UUID id) {
        jdbc.sql("DELETE FROM scanning_scan WHERE org_id = ? AND id = ?").params(org.value(), id).update();
    }

    /** Scans past their retention, across organizations. */
    public List<Row> expiredAtOrBefore(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scanning_scan WHERE expires_at <= ? ORDER BY expires_at FETCH FIRST "
                        + limit + " ROWS ONLY")
                .param(utc(now)).query(ScanStore::row).list();
    }

    public boolean holdsDocument(OrgId org, DocumentId document) {
        return jdbc.sql("SELECT COUNT(*) FROM scanning_scan WHERE org_id = ? AND document_id = ?")
                .params(org.value(), document.value()).query(Integer.class).single() > 0;
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM scanning_scan WHERE org_id = ?").param(org.value()).update();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        OrgId org = new OrgId(rs.getObject("org_id", UUID.class));
        UUID device = rs.getObject("device_id", UUID.class);
        DocumentId document = DocumentId.of(rs.getObject("document_id", UUID.class));
        var scan = new Scan(org, rs.getObject("id", UUID.class), new UserId(rs.getObject("owner_id", UUID.class)),
                device == null ? null : new DeviceId(device), DestinationKind.valueOf(rs.getString("kind")),
                rs.getString("destination"), rs.getString("workflow_name"), rs.getString("file_name"),
                ScanFormat.valueOf(rs.getString("format")), rs.getLong("size"), rs.getInt("pages"),
                ScanState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "finished_at"), instant(rs, "expires_at"), document != null);
        return new Row(scan, document, rs.getObject("workflow_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
