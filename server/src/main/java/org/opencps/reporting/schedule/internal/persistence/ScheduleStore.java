package org.opencps.reporting.schedule.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.reporting.schedule.Cadence;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.schedule.ReportPeriod;
import org.opencps.reporting.schedule.ReportSchedule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Schedules, their targets, and one run row per (schedule, period): the row's primary key is what
 * lets exactly one server process claim a period, whatever the number of processes.
 */
@Repository
public class ScheduleStore {

    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcClient jdbc;

    ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ReportSchedule s) {
        jdbc.sql("""
                        INSERT INTO reporting_schedule (org_id, id, kind, cadence, formats, language, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.orgId().value(), s.id(), s.kind(), s.cadence().name(),
                        s.formats().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), s.language(),
                        s.createdBy().value(), utc(s.createdAt()))
                .update();
        for (UserId person : s.people()) {
            jdbc.sql("INSERT INTO reporting_schedule_target (org_id, schedule_id, user_id) VALUES (?, ?, ?)")
                    .params(s.orgId().value(), s.id(), person.value()).update();
        }
        for (UUID recipient : s.recipients()) {
            jdbc.sql("INSERT INTO reporting_schedule_target (org_id, schedule_id, recipient_id) VALUES (?, ?, ?)")
                    .params(s.orgId().value(), s.id(), recipient).update();
        }
    }

    public List<ReportSchedule> all(OrgId org) {
        return jdbc.sql("SELECT * FROM reporting_schedule WHERE org_id = ? ORDER BY created_at, id")
                .param(org.value()).query(this::schedule).list();
    }

    public Optional<ReportSchedule> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT * FROM reporting_schedule WHERE org_id = ? AND id = ?")
                .params(org.value(), id).query(this::schedule).optional();
    }

    /** Every schedule that still sends, of every organization, for the process that sends them. Spans organizations on purpose. */
    public List<ReportSchedule> allAcrossOrganizations() {
        return jdbc.sql("SELECT * FROM reporting_schedule WHERE stopped_at IS NULL ORDER BY org_id, id").query(this::schedule).list();
    }

    /** Stops a schedule (its creator may no longer see its report); true if it was sending until now. */
    public boolean stop(OrgId org, UUID id, Instant now) {
        return jdbc.sql("UPDATE reporting_schedule SET stopped_at = ? WHERE org_id = ? AND id = ? AND stopped_at IS NULL")
                .params(utc(now), org.value(), id).update() == 1;
    }

    public boolean delete(OrgId org, UUID id) {
        return jdbc.sql("DELETE FROM reporting_schedule WHERE org_id = ? AND id = ?").params(org.value(), id).update() == 1;
    }

    /** The starts of the schedule's periods that were sent. */
    public Set<LocalDate> sentPeriods(OrgId org, UUID schedule) {
        return new HashSet<>(jdbc.sql("SELECT period_start FROM reporting_schedule_run WHERE org_id = ? AND schedule_id = ? AND status = 'SENT'")
                .params(org.value(), schedule).query((rs, i) -> rs.getObject(1, LocalDate.class)).list());
    }

    /**
     * Claims a period for this process: the first to insert its run row has it. A claim older
     * than the lease (its process died, or its mail failed) is taken over by the first process to
     * update it. True when this process holds the claim now. Runs in its own statement, outside
     * any transaction, so a lost race costs nothing.
     */
    public boolean claim(OrgId org, UUID schedule, ReportPeriod period, String owner, Instant now, Instant staleBefore) {
        try {
            jdbc.sql("""
                            INSERT INTO reporting_schedule_run (org_id, schedule_id, period_start, period_end, status, claimed_by, claimed_at)
                            VALUES (?, ?, ?, ?, 'SENDING', ?, ?)""")
                    .params(org.value(), schedule, period.start(), period.end(), owner, utc(now)).update();
            return true;
        } catch (DuplicateKeyException taken) {
            return jdbc.sql("""
                            UPDATE reporting_schedule_run SET claimed_by = ?, claimed_at = ?
                            WHERE org_id = ? AND schedule_id = ? AND period_start = ? AND status = 'SENDING' AND claimed_at < ?""")
                    .params(owner, utc(now), org.value(), schedule, period.start(), utc(staleBefore)).update() == 1;
        }
    }

    /** Gives a claim up after a failure, so that the next run of any process retries the period. */
    public void release(OrgId org, UUID schedule, ReportPeriod period, String owner) {
        jdbc.sql("""
                        UPDATE reporting_schedule_run SET claimed_at = ? WHERE org_id = ? AND schedule_id = ? AND period_start = ?
                        AND claimed_by = ? AND status = 'SENDING'""")
                .params(LONG_AGO, org.value(), schedule, period.start(), owner).update();
    }

    public void markSent(OrgId org, UUID schedule, ReportPeriod period, String owner, Instant now) {
        jdbc.sql("""
                        UPDATE reporting_schedule_run SET status = 'SENT', sent_at = ? WHERE org_id = ? AND schedule_id = ?
                        AND period_start = ? AND claimed_by = ?""")
                .params(utc(now), org.value(), schedule, period.start(), owner).update();
    }

    /** The addresses a period's report already went to (a retried period skips them). */
    public Set<String> deliveredTo(OrgId org, UUID schedule, ReportPeriod period) {
        return new HashSet<>(jdbc.sql("SELECT address FROM reporting_schedule_delivery WHERE org_id = ? AND schedule_id = ? AND period_start = ?")
                .params(org.value(), schedule, period.start()).query(String.class).list());
    }

    public void delivered(OrgId org, UUID schedule, ReportPeriod period, String address, Instant now) {
        jdbc.sql("INSERT INTO reporting_schedule_delivery (org_id, schedule_id, period_start, address, sent_at) VALUES (?, ?, ?, ?, ?)")
                .params(org.value(), schedule, period.start(), address, utc(now)).update();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_schedule WHERE org_id = ?").param(org.value()).update();
    }

    private ReportSchedule schedule(ResultSet rs, int i) throws SQLException {
        OrgId org = new OrgId(rs.getObject("org_id", UUID.class));
        UUID id = rs.getObject("id", UUID.class);
        Set<UserId> people = new HashSet<>();
        Set<UUID> recipients = new HashSet<>();
        jdbc.sql("SELECT user_id, recipient_id FROM reporting_schedule_target WHERE org_id = ? AND schedule_id = ?")
                .params(org.value(), id).query(row -> {
                    UUID user = row.getObject("user_id", UUID.class);
                    if (user != null) {
                        people.add(new UserId(user));
                    } else {
                        recipients.add(row.getObject("recipient_id", UUID.class));
                    }
                });
        Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
        Arrays.stream(rs.getString("formats").split(",")).map(ExportFormat::valueOf).forEach(formats::add);
        return new ReportSchedule(org, id, rs.getString("kind"), Cadence.valueOf(rs.getString("cadence")), formats,
                rs.getString("language"), people, recipients, new UserId(rs.getObject("created_by", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs.getObject("stopped_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
