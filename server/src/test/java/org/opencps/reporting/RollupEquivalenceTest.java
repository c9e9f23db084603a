package org.opencps.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.allEventsDelivered;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket.ColorMode;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.printing.PrintReleaseRefused;
import org.opencps.identity.Groups;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.UsageReportRequest.Per;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanReceived;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll-ups (daily and monthly) give the same figures as the raw records, for random usage over
 * random ranges, periods, dimensions and subjects, with the previous period: printed jobs, refused
 * releases and scans around month ends, recorded by the listeners from many events at once; then
 * again after the organization's time zone changed (the past rebuilt in the new zone) and more
 * usage was recorded in it.
 */
@OpenCpsTest
class RollupEquivalenceTest {

    private static final Instant FIRST = Instant.parse("2025-11-01T00:00:00Z");
    private static final int REQUESTS = 60;

    @Autowired ApplicationContext context;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired Groups groups;
    @Autowired UsageReports reports;

    @Test
    void theRollUpsAnswerEveryReportAsTheRawRecordsDo() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        UsageDataSet data = UsageDataSet.in(context);
        UUID second = groups.create(data.admin, data.org, "Second").id();
        groups.addMember(data.admin, data.org, second, data.alice.userId());
        groups.addMember(data.admin, data.org, second, data.bob.userId());
        List<Actor> people = List.of(data.alice, data.bob, data.manager);
        List<DeviceId> printers = List.of(data.printerA, data.printerB);

        record(random, data, people, printers, 250);
        compare(random, data, seed, ZoneId.of("UTC"), 250);
        data.zone("Pacific/Auckland");
        compare(random, data, seed, ZoneId.of("Pacific/Auckland"), 250);
        record(random, data, people, printers, 150);
        compare(random, data, seed, ZoneId.of("Pacific/Auckland"), 400);
        data.zone("America/Los_Angeles");
        compare(random, data, seed, ZoneId.of("America/Los_Angeles"), 400);
    }

    /** Events published in one transaction: after it commits, the listeners record them concurrently. */
    private void record(Random random, UsageDataSet data, List<Actor> people, List<DeviceId> printers, int count) {
        List<Object> published = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Actor owner = people.get(random.nextInt(people.size()));
            DeviceId printer = printers.get(random.nextInt(printers.size()));
            Instant at = randomInstant(random);
            int kind = random.nextInt(10);
            if (kind < 7) {
                boolean color = random.nextBoolean();
                int reported = 1 + random.nextInt(9);
                int counted = Math.max(1, reported - random.nextInt(2));
                published.add(new PrintJobCompleted(data.org, JobId.random(), owner.userId(), printer, 1,
                        color ? ColorMode.COLOR : ColorMode.MONOCHROME, counted, reported, color ? reported : 0,
                        color ? 0 : reported, random.nextBoolean(), at));
            } else if (kind < 9) {
                published.add(new PrintReleaseRefused(data.org, JobId.random(), owner.userId(), printer,
                        random.nextBoolean() ? PrintReleaseRefused.Reason.OVER_QUOTA : PrintReleaseRefused.Reason.POLICY, at));
            } else {
                published.add(new ScanReceived(data.org, UUID.randomUUID(), owner.userId(), printer, DestinationKind.values()[0],
                        ScanFormat.values()[0], 1 + random.nextInt(20), 1000, at));
            }
        }
        transactions.executeWithoutResult(status -> published.forEach(events::publishEvent));
        allEventsDelivered(jdbc);
    }

    /** Half of the records fall within 14 hours of a month's start in UTC, where zones disagree on the month. */
    private static Instant randomInstant(Random random) {
        if (random.nextBoolean()) {
            LocalDate month = LocalDate.of(2025, 11, 1).plusMonths(random.nextInt(7));
            return month.atStartOfDay(ZoneId.of("UTC")).toInstant().plus(random.nextInt(28 * 60) - 14 * 60, ChronoUnit.MINUTES);
        }
        return FIRST.plus(random.nextInt(181 * 24 * 60), ChronoUnit.MINUTES);
    }

    private void compare(Random random, UsageDataSet data, long seed, ZoneId zone, int recorded) {
        RawRowReport raw = RawRowReport.read(jdbc, data.org);
        assertThat(raw.size()).as("raw records").isEqualTo(recorded);
        assertThat(monthsThatAreNotTheSumOfTheirDays(data)).as("monthly rows unequal to their days").isEmpty();
        for (int i = 0; i < REQUESTS; i++) {
            UsageReportRequest request = randomRequest(random, data);
            String what = "seed %d, zone %s, request %s".formatted(seed, zone, request);
            UsageReport report = reports.report(data.admin, data.org, request);
            Map<UUID, RawRowReport.Expected> expected = raw.bySubject(request, zone);
            Map<UUID, RawRowReport.Expected> answered = report.subjects().stream().collect(Collectors.toMap(UsageReport.Subject::id,
                    s -> new RawRowReport.Expected(s.perPeriod(), s.previousTotal())));
            assertThat(report.periods()).as(what).isEqualTo(RawRowReport.periods(request));
            assertThat(answered).as(what).isEqualTo(expected);
            report.subjects().forEach(s -> assertThat(s.total()).as(what)
                    .isEqualTo(s.perPeriod().stream().reduce(UsageFigures.ZERO, UsageFigures::plus)));
            RawRowReport.Expected totals = request.by() == Dimension.ORGANIZATION || request.subject() == null
                    ? raw.organization(request, zone)
                    : expected.getOrDefault(request.subject(), RawRowReport.none(request));
            assertThat(new RawRowReport.Expected(report.totalPerPeriod(), report.previousTotal())).as(what).isEqualTo(totals);
        }
    }

    /** A range of up to four months from November 2025 to April 2026, a third of them whole months. */
    private static UsageReportRequest randomRequest(Random random, UsageDataSet data) {
        LocalDate from = LocalDate.of(2025, 11, 1).plusDays(random.nextInt(150));
        LocalDate to = from.plusDays(random.nextInt(125));
        if (random.nextInt(3) == 0) {
            from = from.withDayOfMonth(1);
            to = to.withDayOfMonth(to.lengthOfMonth());
        }
        Dimension by = Dimension.values()[random.nextInt(Dimension.values().length)];
        List<UUID> subjects = switch (by) {
            case ORGANIZATION -> List.of();
            case PERSON -> List.of(data.alice.userId().value(), data.bob.userId().value());
            case GROUP -> List.of(data.team);
            case DEVICE -> List.of(data.printerA.value(), data.printerB.value());
            case DEVICE_GROUP -> List.of(data.floor);
        };
        UUID subject = subjects.isEmpty() || random.nextBoolean() ? null : subjects.get(random.nextInt(subjects.size()));
        return new UsageReportRequest(by, Per.values()[random.nextInt(Per.values().length)], from, to, subject);
    }

    /** Each month's row of the monthly roll-up against the sum of its days in the daily one (every figure). */
    private Map<String, UsageFigures> monthsThatAreNotTheSumOfTheirDays(UsageDataSet data) {
        Map<String, UsageFigures> months = rollUp(data, "reporting_monthly", "local_month");
        Map<String, UsageFigures> days = rollUp(data, "reporting_daily", "local_day");
        Map<String, UsageFigures> unequal = new java.util.TreeMap<>();
        java.util.stream.Stream.concat(months.keySet().stream(), days.keySet().stream()).distinct()
                .filter(key -> !java.util.Objects.equals(months.get(key), days.get(key)))
                .forEach(key -> unequal.put(key, months.get(key)));
        return unequal;
    }

    /** The roll-up's rows of the organization summed per dimension, subject and month (of the day column). */
    private Map<String, UsageFigures> rollUp(UsageDataSet data, String table, String day) {
        Map<String, UsageFigures> sums = new java.util.HashMap<>();
        jdbc.sql("SELECT dimension, subject_id, " + day + """
                        , jobs, counted_pages, reported_pages, color_pages, monochrome_pages, simplex_pages,
                        duplex_pages, sheets, scanned_pages, refused_over_quota, refused_by_policy FROM\s""" + table + " WHERE org_id = ?")
                .param(data.org.value())
                .query((rs, i) -> sums.merge(rs.getString(1) + " " + rs.getObject(2, UUID.class) + " "
                                + rs.getObject(3, LocalDate.class).withDayOfMonth(1),
                        new UsageFigures(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)), UsageFigures::plus))
                .list();
        return sums;
    }
}
