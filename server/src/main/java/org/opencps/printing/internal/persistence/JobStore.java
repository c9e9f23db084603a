package org.opencps.printing.internal.persistence;

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
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code printing_job} table. Every lookup is by organization first. */
@Repository
public class JobStore {

    /** A job and the document it still has (null once deleted). */
    public record Row(PrintJob job, DocumentId document) {
    }

    private static final String COLUMNS = """
            org_id, id, owner_id, name, format, size, pages, copies, sides, color_mode, media, source, state,
            submitted_at, expires_at, document_id, device_id, released_at, release_copies, release_color_mode,
            release_sides, charged_pages, reported_pages, completed_at""";

    private static final String INSERTED = """
            org_id, id, owner_id, name, format, size, pages, copies, sides, color_mode, media, source, state,
            submitted_at, expires_at, document_id""";

    private final JdbcClient jdbc;

    JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PrintJob job, DocumentId document) {
        jdbc.sql("INSERT INTO printing_job (" + INSERTED + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(job.orgId().value(), job.id().value(), job.owner().value(), job.name(), job.format().name(),
                        job.size(), job.pages(), job.copies(), job.sides().name(), job.colorMode().name(), job.media(),
                        job.source().name(), job.state().name(), utc(job.submittedAt()), utc(job.expiresAt()),
                        document == null ? null : document.value())
                .update();
    }

    public Optional<Row> find(OrgId org, JobId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM printing_job WHERE org_id = ? AND id = ?")
                .params(org.value(), id.value()).query(JobStore::row).optional();
    }

    public Optional<Row> findForUpdate(OrgId org, JobId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM printing_job WHERE org_id = ? AND id = ? FOR UPDATE")
                .params(org.value(), id.value()).query(JobStore::row).optional();
    }

    public List<PrintJob> ofOwner(OrgId org, UserId owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM printing_job WHERE org_id = ? AND owner_id = ? ORDER BY submitted_at DESC, id")
                .params(org.value(), owner.value()).query(JobStore::row).list().stream().map(Row::job).toList();
    }

    /** Moves the job to a final state and forgets its document; false if it was not in {@code from}. */
    public boolean finish(OrgId org, JobId id, PrintJob.State from, PrintJob.State to) {
        return jdbc.sql("UPDATE printing_job SET state = ?, document_id = NULL WHERE org_id = ? AND id = ? AND state = ?")
                .params(to.name(), org.value(), id.value(), from.name()).update() == 1;
    }

    /** HELD -> RELEASED to a device with the ticket it prints with; false if the job was not held. */
    public boolean release(OrgId org, JobId id, DeviceId device, Instant at, int copies, JobTicket.ColorMode colorMode,
                           JobTicket.Sides sides, int chargedPages) {
        return jdbc.sql("""
                        UPDATE printing_job SET state = 'RELEASED', device_id = ?, released_at = ?, release_copies = ?,
                        release_color_mode = ?, release_sides = ?, charged_pages = ?
                        WHERE org_id = ? AND id = ? AND state = 'HELD'""")
                .params(device.value(), utc(at), copies, colorMode.name(), sides.name(), chargedPages, org.value(), id.value())
                .update() == 1;
    }

    /** RELEASED to this device -> COMPLETED, its document forgotten; false if it was not. */
    public boolean complete(OrgId org, JobId id, DeviceId device, int reportedPages, Instant at) {
        return jdbc.sql("""
                        UPDATE printing_job SET state = 'COMPLETED', document_id = NULL, reported_pages = ?, completed_at = ?
                        WHERE org_id = ? AND id = ? AND state = 'RELEASED' AND device_id = ?""")
                .params(reportedPages, utc(at), org.value(), id.value(), device.value()).update() == 1;
    }

    /** The device fetched the released job's document (the first time counts). */
    public void markFetched(OrgId org, JobId id, Instant at) {
        jdbc.sql("UPDATE printing_job SET document_fetched_at = COALESCE(document_fetched_at, ?) WHERE org_id = ? AND id = ?"
                        + " AND state = 'RELEASED'")
                .params(utc(at), org.value(), id.value()).update();
    }

    /** RELEASED to this device -> HELD again, the release forgotten; false if it was not. */
    public boolean holdAgain(OrgId org, JobId id, DeviceId device) {
        return jdbc.sql("""
                        UPDATE printing_job SET state = 'HELD', device_id = NULL, released_at = NULL, release_copies = NULL,
                        release_color_mode = NULL, release_sides = NULL, charged_pages = NULL, document_fetched_at = NULL
                        WHERE org_id = ? AND id = ? AND state = 'RELEASED' AND device_id = ?""")
                .params(org.value(), id.value(), device.value()).update() == 1;
    }

    /**
     * As {@link #holdAgain}, for a release nobody reported on in time, only while its document was
     * not fetched: once the device has it, it may print, and holding it again could print it twice.
     */
    public boolean holdAgainUnfetched(OrgId org, JobId id, DeviceId device) {
        return jdbc.sql("""
                        UPDATE printing_job SET state = 'HELD', device_id = NULL, released_at = NULL, release_copies = NULL,
                        release_color_mode = NULL, release_sides = NULL, charged_pages = NULL
                        WHERE org_id = ? AND id = ? AND state = 'RELEASED' AND device_id = ? AND document_fetched_at IS NULL""")
                .params(org.value(), id.value(), device.value()).update() == 1;
    }

    /** Jobs released to a device and not reported yet, oldest release first. */
    public List<Row> releasedTo(OrgId org, DeviceId device) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM printing_job WHERE org_id = ? AND device_id = ? AND state = 'RELEASED'"
                        + " ORDER BY released_at, id")
                .params(org.value(), device.value()).query(JobStore::row).list();
    }

    /** Across all organizations: released jobs no device reported on since before the cutoff. */
    public List<Row> releasedAtOrBefore(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM printing_job WHERE state = 'RELEASED' AND released_at <= ?"
                        + " AND document_fetched_at IS NULL"
                        + " ORDER BY released_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(utc(cutoff)).query(JobStore::row).list();
    }

    /** Across all organizations: held jobs whose expiry has come. */
    /** Held jobs past their expiry, and fetched releases the device never reported on. */
    public List<Row> expiringAtOrBefore(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM printing_job WHERE expires_at <= ?"
                        + " AND (state = 'HELD' OR (state = 'RELEASED' AND document_fetched_at IS NOT NULL))"
                        + " ORDER BY expires_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(utc(now)).query(JobStore::row).list();
    }

    public boolean holdsDocument(OrgId org, DocumentId document) {
        return jdbc.sql("SELECT COUNT(*) FROM printing_job WHERE org_id = ? AND document_id = ?")
                .params(org.value(), document.value()).query(Long.class).single() > 0;
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM printing_job WHERE org_id = ?").param(org.value()).update();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        var job = new PrintJob(new OrgId(rs.getObject("org_id", UUID.class)), new JobId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("owner_id", UUID.class)), rs.getString("name"),
                DocumentFormat.valueOf(rs.getString("format")), rs.getLong("size"), rs.getInt("pages"),
                rs.getInt("copies"), JobTicket.Sides.valueOf(rs.getString("sides")),
                JobTicket.ColorMode.valueOf(rs.getString("color_mode")), rs.getString("media"),
                JobTicket.Source.valueOf(rs.getString("source")), PrintJob.State.valueOf(rs.getString("state")),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), delivery(rs));
        UUID document = rs.getObject("document_id", UUID.class);
        return new Row(job, document == null ? null : new DocumentId(document));
    }

    private static PrintJob.Delivery delivery(ResultSet rs) throws SQLException {
        UUID device = rs.getObject("device_id", UUID.class);
        if (device == null) {
            return null;
        }
        int reported = rs.getInt("reported_pages");
        Integer reportedPages = rs.wasNull() ? null : reported;
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return PrintJob.Delivery.of(new DeviceId(device), rs.getObject("released_at", OffsetDateTime.class).toInstant(),
                rs.getInt("release_copies"), JobTicket.ColorMode.valueOf(rs.getString("release_color_mode")),
                JobTicket.Sides.valueOf(rs.getString("release_sides")), rs.getInt("charged_pages"), reportedPages,
                completed == null ? null : completed.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
