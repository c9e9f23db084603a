package org.opencps.ipp.internal.persistence;

import static org.opencps.ipp.internal.persistence.QueueStore.at;
import static org.opencps.ipp.internal.persistence.QueueStore.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.JobTicket.Sides;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IPP side of a queue's jobs: the small integer job-id IPP needs, the print job it stands
 * for once the document has arrived, and the ticket a Create-Job carries until then.
 */
@Repository
public class IppJobStore {

    /** OPEN waits for its document, RECEIVING is reading it, SUBMITTED has a print job. */
    public enum State { OPEN, RECEIVING, SUBMITTED, CANCELED, ABORTED }

    public record Ticket(String name, int copies, Sides sides, ColorMode colorMode, String media) {
    }

    public record Row(OrgId orgId, UUID queueId, int number, JobId printJobId, State state, Ticket ticket,
                      Instant createdAt, Instant stateChangedAt) {
    }

    private final JdbcClient jdbc;

    public IppJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a job with the queue's next job number (1, 2, ...; numbers are not reused), in the
     * caller's transaction if there is one. The queue's row stays locked until that commits.
     */
    @Transactional
    public Row insert(OrgId org, UUID queueId, JobId printJobId, State state, Ticket ticket, Instant now) {
        if (jdbc.sql("UPDATE ipp_queue SET last_job_number = last_job_number + 1 WHERE org_id = ? AND id = ?")
                .params(org.value(), queueId).update() != 1) {
            throw new NotFoundException("print queue");
        }
        int number = jdbc.sql("SELECT last_job_number FROM ipp_queue WHERE org_id = ? AND id = ?")
                .params(org.value(), queueId).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO ipp_job (org_id, queue_id, job_number, print_job_id, state, job_name, copies, sides,
                                             color_mode, media, created_at, state_changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(org.value(), queueId, number, printJobId == null ? null : printJobId.value(), state.name(),
                        ticket.name(), ticket.copies(), name(ticket.sides()), name(ticket.colorMode()),
                        ticket.media(), at(now), at(now))
                .update();
        return new Row(org, queueId, number, printJobId, state, ticket, now, now);
    }

    public Optional<Row> find(OrgId org, UUID queueId, int number) {
        return jdbc.sql("SELECT * FROM ipp_job WHERE org_id = ? AND queue_id = ? AND job_number = ?")
                .params(org.value(), queueId, number).query(IppJobStore::row).optional();
    }

    /** The queue's newest jobs first. */
    public List<Row> recent(OrgId org, UUID queueId, int limit) {
        return jdbc.sql("SELECT * FROM ipp_job WHERE org_id = ? AND queue_id = ? ORDER BY job_number DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY")
                .params(org.value(), queueId).query(IppJobStore::row).list();
    }

    /** Moves a job from one state to another; false when it was no longer in {@code from}. */
    public boolean transition(OrgId org, UUID queueId, int number, State from, State to, JobId printJobId, Instant now) {
        return jdbc.sql("""
                        UPDATE ipp_job SET state = ?, state_changed_at = ?, print_job_id = COALESCE(?, print_job_id)
                        WHERE org_id = ? AND queue_id = ? AND job_number = ? AND state = ?""")
                .params(to.name(), at(now), printJobId == null ? null : printJobId.value(), org.value(), queueId, number,
                        from.name())
                .update() > 0;
    }

    /** Housekeeping across organizations: forgets job numbers older than the longest job retention. */
    public int deleteCreatedBeforeAcrossOrganizations(Instant cutoff) {
        return jdbc.sql("DELETE FROM ipp_job WHERE created_at < ?").param(at(cutoff)).update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        UUID printJob = rs.getObject("print_job_id", UUID.class);
        String sides = rs.getString("sides");
        String colorMode = rs.getString("color_mode");
        var ticket = new Ticket(rs.getString("job_name"), rs.getInt("copies"), sides == null ? null : Sides.valueOf(sides),
                colorMode == null ? null : ColorMode.valueOf(colorMode), rs.getString("media"));
        return new Row(new OrgId(rs.getObject("org_id", UUID.class)), rs.getObject("queue_id", UUID.class),
                rs.getInt("job_number"), printJob == null ? null : new JobId(printJob), State.valueOf(rs.getString("state")),
                ticket, instant(rs, "created_at"), instant(rs, "state_changed_at"));
    }
}
