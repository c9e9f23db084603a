package org.opencps.reporting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.opencps.platform.ids.OrgId;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.UsageReportRequest.Per;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A usage report counted the slow way, for comparison with the roll-ups: every raw record of the
 * organization (printed jobs, refused releases, scans, with the groups stored beside them) read,
 * put on its day in the zone given and added to its subjects, without any roll-up table or code.
 */
final class RawRowReport {

    /** One raw record: when, whose, where, in which groups, and what it adds. */
    record Raw(Instant at, UUID person, UUID device, UUID deviceGroup, List<UUID> groups, UsageFigures figures) {
    }

    /** The figures of one subject: per period, and in the previous period. */
    record Expected(List<UsageFigures> perPeriod, UsageFigures previous) {
    }

    private final OrgId org;
    private final List<Raw> records;

    private RawRowReport(OrgId org, List<Raw> records) {
        this.org = org;
        this.records = records;
    }

    static RawRowReport read(JdbcClient jdbc, OrgId org) {
        Map<UUID, List<UUID>> groups = new HashMap<>();
        Stream.of("SELECT job_id, group_id FROM reporting_usage_group WHERE org_id = ?",
                        "SELECT event_id, group_id FROM reporting_refusal_group WHERE org_id = ?",
                        "SELECT scan_id, group_id FROM reporting_scan_group WHERE org_id = ?")
                .forEach(sql -> jdbc.sql(sql).param(org.value()).query((rs, i) -> groups
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class))).list());
        List<Raw> records = new ArrayList<>(jdbc.sql("""
                        SELECT job_id, printed_at, user_id, device_id, device_group_id, counted_pages, reported_pages, color_pages,
                        monochrome_pages, duplex, sheets FROM reporting_usage WHERE org_id = ?""").param(org.value())
                .query((rs, i) -> {
                    long pages = rs.getLong(7);
                    boolean duplex = rs.getBoolean(10);
                    return new Raw(rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), groups.getOrDefault(rs.getObject(1, UUID.class), List.of()),
                            new UsageFigures(1, rs.getLong(6), pages, rs.getLong(8), rs.getLong(9), duplex ? 0 : pages, duplex ? pages : 0,
                                    rs.getLong(11), 0, 0, 0));
                }).list());
        records.addAll(jdbc.sql("""
                        SELECT event_id, refused_at, user_id, device_id, device_group_id, reason FROM reporting_refusal WHERE org_id = ?""")
                .param(org.value())
                .query((rs, i) -> {
                    boolean quota = "OVER_QUOTA".equals(rs.getString(6));
                    return new Raw(rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), groups.getOrDefault(rs.getObject(1, UUID.class), List.of()),
                            new UsageFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, quota ? 1 : 0, quota ? 0 : 1));
                }).list());
        records.addAll(jdbc.sql("SELECT scan_id, scanned_at, user_id, device_id, device_group_id, pages FROM reporting_scan WHERE org_id = ?")
                .param(org.value())
                .query((rs, i) -> new Raw(rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), groups.getOrDefault(rs.getObject(1, UUID.class), List.of()),
                        new UsageFigures(0, 0, 0, 0, 0, 0, 0, 0, rs.getLong(6), 0, 0))).list());
        return new RawRowReport(org, records);
    }

    int size() {
        return records.size();
    }

    /** The first day of each period of the request, counted here on their own. */
    static List<LocalDate> periods(UsageReportRequest request) {
        List<LocalDate> starts = new ArrayList<>(List.of(request.from()));
        LocalDate next = switch (request.per()) {
            case DAY -> request.from().plusDays(1);
            case WEEK -> request.from().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> request.from().withDayOfMonth(1).plusMonths(1);
        };
        for (; !next.isAfter(request.to()); next = request.per() == Per.DAY ? next.plusDays(1)
                : request.per() == Per.WEEK ? next.plusWeeks(1) : next.plusMonths(1)) {
            starts.add(next);
        }
        return starts;
    }

    /** Per subject of the dimension (only {@code request.subject()} when it names one) that has a record in either period. */
    Map<UUID, Expected> bySubject(UsageReportRequest request, ZoneId zone) {
        return count(request.by(), request.subject(), request, zone);
    }

    /** The organization's own figures for the request's periods. */
    Expected organization(UsageReportRequest request, ZoneId zone) {
        return count(Dimension.ORGANIZATION, null, request, zone).getOrDefault(org.value(), none(request));
    }

    /** No figures in any period. */
    static Expected none(UsageReportRequest request) {
        return new Expected(zeros(periods(request).size()), UsageFigures.ZERO);
    }

    private Map<UUID, Expected> count(Dimension by, UUID only, UsageReportRequest request, ZoneId zone) {
        List<LocalDate> starts = periods(request);
        UsageReportRequest previous = request.previous();
        Map<UUID, UsageFigures[]> now = new HashMap<>();
        Map<UUID, UsageFigures> before = new HashMap<>();
        for (Raw raw : records) {
            LocalDate day = LocalDate.ofInstant(raw.at(), zone);
            for (UUID subject : subjects(raw, by)) {
                if (only != null && !only.equals(subject)) {
                    continue;
                }
                if (!day.isBefore(request.from()) && !day.isAfter(request.to())) {
                    int bucket = starts.size() - 1;
                    while (starts.get(bucket).isAfter(day)) {
                        bucket--;
                    }
                    UsageFigures[] cells = now.computeIfAbsent(subject, k -> zeros(starts.size()).toArray(UsageFigures[]::new));
                    cells[bucket] = cells[bucket].plus(raw.figures());
                }
                if (!day.isBefore(previous.from()) && !day.isAfter(previous.to())) {
                    before.merge(subject, raw.figures(), UsageFigures::plus);
                }
            }
        }
        Map<UUID, Expected> expected = new HashMap<>();
        Stream.concat(now.keySet().stream(), before.keySet().stream()).distinct().forEach(subject -> expected.put(subject,
                new Expected(now.containsKey(subject) ? List.of(now.get(subject)) : zeros(starts.size()),
                        before.getOrDefault(subject, UsageFigures.ZERO))));
        return expected;
    }

    private List<UUID> subjects(Raw raw, Dimension by) {
        return switch (by) {
            case ORGANIZATION -> List.of(org.value());
            case PERSON -> List.of(raw.person());
            case DEVICE -> List.of(raw.device());
            case GROUP -> raw.groups();
            case DEVICE_GROUP -> raw.deviceGroup() == null ? List.of() : List.of(raw.deviceGroup());
        };
    }

    private static List<UsageFigures> zeros(int n) {
        UsageFigures[] figures = new UsageFigures[n];
        Arrays.fill(figures, UsageFigures.ZERO);
        return List.of(figures);
    }
}
