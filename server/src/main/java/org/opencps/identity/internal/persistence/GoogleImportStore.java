package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Google Workspace import jobs. A job is QUEUED when an admin asks, RUNNING once a server process took it (by an
 * update only one process can win), DONE or FAILED at the end; its counters are the progress.
 */
@Repository
public class GoogleImportStore {

    private final JdbcClient jdbc;

    GoogleImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record JobRow(UUID id, OrgId orgId, UserId requestedBy, String state, Instant requestedAt, Instant startedAt,
                         Instant finishedAt, int usersTotal, int usersDone, int usersCreated, int usersUpdated, int usersSkipped,
                         int usersGone, String failure) {
    }

    public record Progress(int total, int done, int created, int updated, int skipped, int gone) {
    }

    public void queue(UUID id, OrgId org, UserId by, Instant now) {
        jdbc.sql("INSERT INTO identity_google_import (id, org_id, requested_by, state, requested_at) VALUES (?, ?, ?, 'QUEUED', ?)")
                .params(id, org.value(), by.value(), at(now)).update();
    }

    /** The organization's job that is queued or running, if any. */
    public Optional<JobRow> open(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_google_import WHERE org_id = ? AND state IN ('QUEUED', 'RUNNING')").param(org.value())
                .query(GoogleImportStore::job).optional();
    }

    public Optional<JobRow> latest(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_google_import WHERE org_id = ? ORDER BY requested_at DESC, id LIMIT 1").param(org.value())
                .query(GoogleImportStore::job).optional();
    }

    public List<UUID> queued() {
        return jdbc.sql("SELECT id FROM identity_google_import WHERE state = 'QUEUED' ORDER BY requested_at").query(UUID.class).list();
    }

    /** @return true for the one process whose update took the job */
    public boolean take(UUID id, Instant now) {
        return jdbc.sql("UPDATE identity_google_import SET state = 'RUNNING', started_at = ? WHERE id = ? AND state = 'QUEUED'")
                .params(at(now), id).update() == 1;
    }

    public Optional<JobRow> find(UUID id) {
        return jdbc.sql("SELECT * FROM identity_google_import WHERE id = ?").param(id).query(GoogleImportStore::job).optional();
    }

    public void progress(UUID id, Progress progress) {
        jdbc.sql("""
                        UPDATE identity_google_import SET users_total = ?, users_done = ?, users_created = ?, users_updated = ?,
                        users_skipped = ?, users_gone = ? WHERE id = ?""")
                .params(progress.total(), progress.done(), progress.created(), progress.updated(), progress.skipped(), progress.gone(), id)
                .update();
    }

    public void finish(UUID id, String state, String failure, Instant now) {
        jdbc.sql("UPDATE identity_google_import SET state = ?, failure = ?, finished_at = ? WHERE id = ?")
                .params(state, failure, at(now), id).update();
    }

    private static JobRow job(ResultSet rs, int row) throws SQLException {
        var by = rs.getObject("requested_by", UUID.class);
        return new JobRow(rs.getObject("id", UUID.class), Rows.orgId(rs, "org_id"), by == null ? null : new UserId(by),
                rs.getString("state"), Rows.instant(rs, "requested_at"), Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"),
                rs.getInt("users_total"), rs.getInt("users_done"), rs.getInt("users_created"), rs.getInt("users_updated"),
                rs.getInt("users_skipped"), rs.getInt("users_gone"), rs.getString("failure"));
    }
}
