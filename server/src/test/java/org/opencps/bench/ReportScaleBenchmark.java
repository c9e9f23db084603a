package org.opencps.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.UsageReport;
import org.opencps.reporting.UsageReportRequest;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.opencps.reporting.UsageReportRequest.Per;
import org.opencps.reporting.UsageReports;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/report-scale.sh: one organization of 5,000 people and 200 printers, a year (2025) of usage
 * records generated in SQL, 100 thousand and then 10 million; the roll-ups (daily and monthly) built
 * from them in SQL as the listeners would have; the monthly organization report and the by-person report for
 * December timed through {@link UsageReports} (median of 5 after 2 warm-ups). Runs only with
 * -Dopencps.bench.report-scale=true (the script sets it), on PostgreSQL (-Ppostgres).
 */
@OpenCpsTest
class ReportScaleBenchmark {

    static final int PEOPLE = 5_000;
    static final int PRINTERS = 200;

    @Autowired JdbcClient jdbc;
    @Autowired World world;
    @Autowired UsageReports reports;

    @Test
    void monthlyReportsCostTheSizeOfTheAnswerNotOfTheHistory() throws IOException {
        assumeTrue(Boolean.getBoolean("opencps.bench.report-scale"), "a benchmark: run bench/report-scale.sh");
        long large = Long.getLong("opencps.bench.report-scale.rows", 10_000_000L);
        OrgId org = world.customer(world.root(), "Scale " + UUID.randomUUID());
        Actor admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        List<String> out = new ArrayList<>();

        double[] small = measure(org, admin, 0, 100_000, out);
        double[] big = measure(org, admin, 100_000, large, out);
        out.add("growth: %.2f".formatted(big[0] / small[0]));
        Path file = Path.of("target", "report-scale.txt");
        Files.write(file, out);
        out.forEach(line -> System.out.println("[report-scale] " + line));
    }

    private double[] measure(OrgId org, Actor admin, long from, long to, List<String> out) {
        long started = System.nanoTime();
        fill(org, from, to);
        rollUp(org);
        out.add("rows %,d: generated and rolled up in %.1f s".formatted(to, (System.nanoTime() - started) / 1e9));
        jdbc.sql("ANALYZE reporting_daily").update();
        jdbc.sql("ANALYZE reporting_monthly").update();
        LocalDate first = LocalDate.of(2025, 12, 1);
        LocalDate last = LocalDate.of(2025, 12, 31);
        UsageReportRequest monthly = new UsageReportRequest(Dimension.ORGANIZATION, Per.MONTH, first, last, null);
        UsageReportRequest byPerson = new UsageReportRequest(Dimension.PERSON, Per.MONTH, first, last, null);
        double organization = median(() -> reports.report(admin, org, monthly));
        double people = median(() -> reports.report(admin, org, byPerson));
        UsageReport check = reports.report(admin, org, byPerson);
        assertThat(check.subjects()).as("people who printed in December").isNotEmpty();
        out.add("rows %,d: monthly organization report %.1f ms, by-person report (%,d people) %.1f ms"
                .formatted(to, organization, check.subjects().size(), people));
        return new double[] {organization, people};
    }

    /** Records from..to (exclusive), themselves spread evenly over 2025 UTC, by person i % 5000 and printer i % 200. */
    private void fill(OrgId org, long from, long to) {
        long step = 1_000_000;
        for (long start = from; start < to; start += step) {
            long end = Math.min(to, start + step);
            jdbc.sql("""
                            INSERT INTO reporting_usage (org_id, job_id, user_id, device_id, printed_at, printed_day, copies, color,
                              counted_pages, reported_pages, color_pages, monochrome_pages, duplex, sheets)
                            SELECT ?, md5('job' || i)::uuid, md5('person' || (i % 5000))::uuid, md5('printer' || (i % 200))::uuid,
                              t, (t AT TIME ZONE 'UTC')::date, 1, i % 4 = 0, 1 + i % 7, 1 + i % 7,
                              CASE WHEN i % 4 = 0 THEN 1 + i % 7 ELSE 0 END, CASE WHEN i % 4 = 0 THEN 0 ELSE 1 + i % 7 END,
                              i % 3 = 0, CASE WHEN i % 3 = 0 THEN (2 + i % 7) / 2 ELSE 1 + i % 7 END
                            FROM (SELECT i, TIMESTAMPTZ '2025-01-01 00:00:00+00'
                                    + (((i - ?) * 31535999::bigint / ?) * INTERVAL '1 second') AS t
                                  FROM generate_series(?::bigint, ?::bigint) AS i) g""")
                    .params(org.value(), from, to - from, start, end - 1).update();
        }
    }

    /**
     * The roll-ups of every record, rebuilt as the listeners keep them (UTC days: the organization's
     * zone): the daily one from the records, the monthly one from the days (as migration V48 does).
     */
    private void rollUp(OrgId org) {
        jdbc.sql("DELETE FROM reporting_daily WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM reporting_monthly WHERE org_id = ?").param(org.value()).update();
        for (String[] dimension : Arrays.asList(new String[] {"ORGANIZATION", "org_id"}, new String[] {"PERSON", "user_id"},
                new String[] {"DEVICE", "device_id"})) {
            jdbc.sql("INSERT INTO reporting_daily SELECT org_id, '" + dimension[0] + "', printed_day, " + dimension[1] + """
                            , COUNT(*), SUM(counted_pages), SUM(reported_pages), SUM(color_pages), SUM(monochrome_pages),
                            SUM(CASE WHEN duplex THEN 0 ELSE reported_pages END), SUM(CASE WHEN duplex THEN reported_pages ELSE 0 END),
                            SUM(sheets), 0, 0, 0 FROM reporting_usage WHERE org_id = ? GROUP BY org_id, printed_day, """ + " "
                            + dimension[1])
                    .param(org.value()).update();
        }
        jdbc.sql("""
                        INSERT INTO reporting_monthly SELECT org_id, dimension, CAST(DATE_TRUNC('MONTH', local_day) AS DATE), subject_id,
                        SUM(jobs), SUM(counted_pages), SUM(reported_pages), SUM(color_pages), SUM(monochrome_pages), SUM(simplex_pages),
                        SUM(duplex_pages), SUM(sheets), SUM(scanned_pages), SUM(refused_over_quota), SUM(refused_by_policy)
                        FROM reporting_daily WHERE org_id = ? GROUP BY org_id, dimension, CAST(DATE_TRUNC('MONTH', local_day) AS DATE), subject_id""")
                .param(org.value()).update();
    }

    private static double median(Supplier<UsageReport> report) {
        report.get();
        report.get();
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            report.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
