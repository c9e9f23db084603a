package org.opencps.ipp.internal.persistence;

import static org.opencps.ipp.internal.persistence.QueueStore.at;
import static org.opencps.ipp.internal.persistence.QueueStore.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.JobId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * IPP job ids of the jobs released to a printer that fetches them over INFRA, and what the
 * printer said about each: whether it took (acknowledged) the job, its last reported state, and
 * whether the outcome went on to printing (exactly once).
 */
@Repository
public class InfraJobStore {

    private static final int NUMBER_ATTEMPTS = 8;

    public record Row(OrgId orgId, DeviceId deviceId, int number, JobId printJobId, Instant acknowledgedAt,
                      Integer deviceJobState, boolean outcomeReported, Instant createdAt) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    private final JdbcClient jdbc;

    public InfraJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The printer's job number for a release of a print job, given out the first time it is asked for.
     * Not in a transaction on purpose: a clash with a concurrent request just takes the next number.
     */
    public Row numberFor(OrgId org, DeviceId device, JobId job, Instant releasedAt, Instant now) {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            Optional<Row> existing = findByPrintJob(org, device, job);
            if (existing.isPresent() && !existing.get().createdAt().isBefore(releasedAt)) {
                return existing.get();
            }
            // numbered for an earlier release of the job to this printer, which ended unreported (timed out)
            existing.ifPresent(stale -> forget(org, device, stale.number()));
            int next = jdbc.sql("SELECT COALESCE(MAX(job_number), 0) + 1 FROM ipp_infra_job WHERE org_id = ? AND device_id = ?")
                    .params(org.value(), device.value()).query(Integer.class).single();
            try {
                jdbc.sql("""
                                INSERT INTO ipp_infra_job (org_id, device_id, job_number, print_job_id, created_at)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(org.value(), device.value(), next, job.value(), at(now)).update();
                return new Row(org, device, next, job, null, null, false, now);
            } catch (DuplicateKeyException clash) {
                // another request numbered a job at the same moment: look again
            }
        }
        throw new IllegalStateException("could not number an INFRA job of device " + device);
    }

    public Optional<Row> find(OrgId org, DeviceId device, int number) {
        return jdbc.sql("SELECT * FROM ipp_infra_job WHERE org_id = ? AND device_id = ? AND job_number = ?")
                .params(org.value(), device.value(), number).query(InfraJobStore::row).optional();
    }

    public List<Row> ofDevice(OrgId org, DeviceId device) {
        return jdbc.sql("SELECT * FROM ipp_infra_job WHERE org_id = ? AND device_id = ? ORDER BY job_number")
                .params(org.value(), device.value()).query(InfraJobStore::row).list();
    }

    /** The printer takes the job; false when it had already been taken. */
    public boolean acknowledge(OrgId org, DeviceId device, int number, Instant now) {
        return jdbc.sql("""
                        UPDATE ipp_infra_job SET acknowledged_at = ?
                        WHERE org_id = ? AND device_id = ? AND job_number = ? AND acknowledged_at IS NULL""")
                .params(at(now), org.value(), device.value(), number).update() == 1;
    }

    public void recordState(OrgId org, DeviceId device, int number, int state) {
        jdbc.sql("UPDATE ipp_infra_job SET device_job_state = ? WHERE org_id = ? AND device_id = ? AND job_number = ?")
                .params(state, org.value(), device.value(), number).update();
    }

    /** Marks the outcome as passed on; false when it already was (so it is passed on once). */
    public boolean markOutcomeReported(OrgId org, DeviceId device, int number) {
        return jdbc.sql("""
                        UPDATE ipp_infra_job SET outcome_reported = TRUE
                        WHERE org_id = ? AND device_id = ? AND job_number = ? AND outcome_reported = FALSE""")
                .params(org.value(), device.value(), number).update() == 1;
    }

    public void unmarkOutcomeReported(OrgId org, DeviceId device, int number) {
        jdbc.sql("UPDATE ipp_infra_job SET outcome_reported = FALSE WHERE org_id = ? AND device_id = ? AND job_number = ?")
                .params(org.value(), device.value(), number).update();
    }

    /** A failed job goes back on hold and may be released again: it then starts over as a new job. */
    public void forget(OrgId org, DeviceId device, int number) {
        jdbc.sql("DELETE FROM ipp_infra_job WHERE org_id = ? AND device_id = ? AND job_number = ?")
                .params(org.value(), device.value(), number).update();
    }

    public void deleteOrganization(OrgId org) {
        jdbc.sql("DELETE FROM ipp_infra_job WHERE org_id = ?").param(org.value()).update();
    }

    /** Housekeeping across organizations. */
    public int deleteCreatedBeforeAcrossOrganizations(Instant cutoff) {
        return jdbc.sql("DELETE FROM ipp_infra_job WHERE created_at < ?").param(at(cutoff)).update();
    }

    private Optional<Row> findByPrintJob(OrgId org, DeviceId device, JobId job) {
        return jdbc.sql("SELECT * FROM ipp_infra_job WHERE org_id = ? AND device_id = ? AND print_job_id = ?")
                .params(org.value(), device.value(), job.value()).query(InfraJobStore::row).optional();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        int state = rs.getInt("device_job_state");
        Integer deviceJobState = rs.wasNull() ? null : state;
        return new Row(new OrgId(rs.getObject("org_id", UUID.class)), new DeviceId(rs.getObject("device_id", UUID.class)),
                rs.getInt("job_number"), new JobId(rs.getObject("print_job_id", UUID.class)), instant(rs, "acknowledged_at"),
                deviceJobState, rs.getBoolean("outcome_reported"), instant(rs, "created_at"));
    }
}
