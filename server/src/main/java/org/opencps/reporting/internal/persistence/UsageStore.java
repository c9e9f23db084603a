package org.opencps.reporting.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.reporting.UsageRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reporting_usage} table: one row per printed job, and the sums the reports show. */
@Repository
public class UsageStore {

    /** Pages of one day, or of one device or user (key), in a range. */
    public record Pages(String key, long colorPages, long monochromePages) {

        public long total() {
            return colorPages + monochromePages;
        }
    }

    public record Totals(long jobs, long countedPages, long reportedPages, long colorPages, long monochromePages,
                         long simplexPages, long duplexPages, long sheets) {
    }

    private final JdbcClient jdbc;

    UsageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A printed job as the roll-ups count it, with the groups and device group it is attributed to. */
    public record Printed(UsageRecord usage, int sheets, UUID deviceGroup, List<UUID> groups) {
    }

    /**
     * Records a printed job unless it already is: a job is printed once, so its id identifies the
     * record, and an event delivered again adds nothing. False when it was there already.
     */
    public boolean insertIfAbsent(Printed printed) {
        UsageRecord usage = printed.usage();
        boolean present = jdbc.sql("SELECT COUNT(*) FROM reporting_usage WHERE org_id = ? AND job_id = ?")
                .params(usage.orgId().value(), usage.jobId().value()).query(Long.class).single() > 0;
        if (present) {
            return false;
        }
        OffsetDateTime at = usage.printedAt().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO reporting_usage (org_id, job_id, user_id, device_id, printed_at, printed_day, copies, color,
                        counted_pages, reported_pages, color_pages, monochrome_pages, duplex, sheets, device_group_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(usage.orgId().value(), usage.jobId().value(), usage.userId().value(), usage.device().value(), at,
                        at.toLocalDate(), usage.copies(), usage.colorMode() == JobTicket.ColorMode.COLOR, usage.countedPages(),
                        usage.reportedPages(), usage.colorPages(), usage.monochromePages(), usage.duplex(), printed.sheets(),
                        printed.deviceGroup())
                .update();
        for (UUID group : printed.groups()) {
            jdbc.sql("INSERT INTO reporting_usage_group (org_id, job_id, group_id) VALUES (?, ?, ?)")
                    .params(usage.orgId().value(), usage.jobId().value(), group).update();
        }
        return true;
    }

    /** The jobs printed from (inclusive) to (exclusive), with their groups, for rebuilding the roll-ups. */
    public List<Printed> printedBetween(OrgId org, java.time.Instant from, java.time.Instant to) {
        Map<UUID, List<UUID>> groups = new HashMap<>();
        jdbc.sql("""
                        SELECT g.job_id, g.group_id FROM reporting_usage_group g JOIN reporting_usage u
                        ON u.org_id = g.org_id AND u.job_id = g.job_id
                        WHERE u.org_id = ? AND u.printed_at >= ? AND u.printed_at < ?""")
                .params(org.value(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    groups.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        return jdbc.sql("SELECT * FROM reporting_usage WHERE org_id = ? AND printed_at >= ? AND printed_at < ?")
                .params(org.value(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new Printed(usage(rs, i), rs.getInt("sheets"), rs.getObject("device_group_id", UUID.class),
                        groups.getOrDefault(rs.getObject("job_id", UUID.class), List.of())))
                .list();
    }

    /** When the organization's first and last job printed; empty without any. */
    public java.util.Optional<java.time.Instant[]> printedSpan(OrgId org) {
        return jdbc.sql("SELECT MIN(printed_at), MAX(printed_at) FROM reporting_usage WHERE org_id = ?").param(org.value())
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class) == null ? null
                        : new java.time.Instant[] {rs.getObject(1, OffsetDateTime.class).toInstant(),
                                rs.getObject(2, OffsetDateTime.class).toInstant()})
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public List<UsageRecord> recentOf(OrgId org, UserId user, int limit) {
        return jdbc.sql("SELECT * FROM reporting_usage WHERE org_id = ? AND user_id = ? ORDER BY printed_at DESC, job_id"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .params(org.value(), user.value()).query(UsageStore::usage).list();
    }

    public Totals totals(OrgId org, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(counted_pages), 0), COALESCE(SUM(reported_pages), 0),
                        COALESCE(SUM(color_pages), 0), COALESCE(SUM(monochrome_pages), 0),
                        COALESCE(SUM(CASE WHEN duplex THEN 0 ELSE reported_pages END), 0),
                        COALESCE(SUM(CASE WHEN duplex THEN reported_pages ELSE 0 END), 0),
                        COALESCE(SUM(CASE WHEN duplex THEN (reported_pages + 1) / 2 ELSE reported_pages END), 0)
                        FROM reporting_usage WHERE org_id = ? AND printed_day >= ? AND printed_day <= ?""")
                .params(org.value(), from, to)
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .single();
    }

    /** Colour and black-and-white pages per day with any printing, in order. */
    public List<Pages> perDay(OrgId org, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT printed_day, SUM(color_pages), SUM(monochrome_pages) FROM reporting_usage
                        WHERE org_id = ? AND printed_day >= ? AND printed_day <= ? GROUP BY printed_day ORDER BY printed_day""")
                .params(org.value(), from, to)
                .query((rs, i) -> new Pages(rs.getObject(1, LocalDate.class).toString(), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The devices (column device_id) or users (user_id) that printed the most pages. */
    public List<Pages> top(OrgId org, LocalDate from, LocalDate to, boolean byDevice, int limit) {
        String column = byDevice ? "device_id" : "user_id";
        return jdbc.sql("SELECT " + column + ", SUM(color_pages), SUM(monochrome_pages) FROM reporting_usage"
                        + " WHERE org_id = ? AND printed_day >= ? AND printed_day <= ? GROUP BY " + column
                        + " ORDER BY SUM(reported_pages) DESC, " + column + " FETCH FIRST " + limit + " ROWS ONLY")
                .params(org.value(), from, to)
                .query((rs, i) -> new Pages(rs.getObject(1, UUID.class).toString(), rs.getLong(2), rs.getLong(3))).list();
    }

    /** Pages the devices reported printed, ever, by organization (from the roll-up); only those with any. */
    public Map<OrgId, Long> reportedPagesOf(Set<OrgId> orgs) {
        Map<OrgId, Long> pages = new HashMap<>();
        for (OrgId org : orgs) {
            long sum = jdbc.sql("SELECT COALESCE(SUM(reported_pages), 0) FROM reporting_daily WHERE org_id = ? AND dimension = ?")
                    .params(org.value(), "ORGANIZATION").query(Long.class).single();
            if (sum > 0) {
                pages.put(org, sum);
            }
        }
        return pages;
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_usage_group WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM reporting_usage WHERE org_id = ?").param(org.value()).update();
    }

    private static UsageRecord usage(ResultSet rs, int i) throws SQLException {
        int counted = rs.getInt("counted_pages");
        int reported = rs.getInt("reported_pages");
        return new UsageRecord(new OrgId(rs.getObject("org_id", UUID.class)), new JobId(rs.getObject("job_id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), new DeviceId(rs.getObject("device_id", UUID.class)),
                rs.getObject("printed_at", OffsetDateTime.class).toInstant(), rs.getInt("copies"),
                rs.getBoolean("color") ? JobTicket.ColorMode.COLOR : JobTicket.ColorMode.MONOCHROME, counted, reported,
                rs.getInt("color_pages"), rs.getInt("monochrome_pages"), rs.getBoolean("duplex"), reported - counted);
    }
}
