package org.opencps.reporting.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.reporting.UsageReportRequest.Per;
import org.opencps.reporting.internal.persistence.RollupRanges.Range;

/** Which days of a report are read from the monthly roll-up and which from the daily one. */
class RollupRangesTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Range days(String from, String to) {
        return new Range(false, day(from), day(to));
    }

    private static Range months(String from, String to) {
        return new Range(true, day(from), day(to));
    }

    @Test
    void perMonthWholeMonthsComeFromTheMonthlyRollUpAndTheCutMonthsAtTheEndsFromDays() {
        List<LocalDate> starts = List.of(day("2025-01-15"), day("2025-02-01"), day("2025-03-01"), day("2025-04-01"),
                day("2025-05-01"), day("2025-06-01"));
        assertThat(RollupRanges.of(starts, day("2025-06-10")))
                .containsExactly(days("2025-01-15", "2025-01-31"), months("2025-02-01", "2025-05-01"), days("2025-06-01", "2025-06-10"));
    }

    @Test
    void aRangeOfWholeMonthsReadsOnlyMonths() {
        assertThat(RollupRanges.of(List.of(day("2025-12-01")), day("2025-12-31"))).containsExactly(months("2025-12-01", "2025-12-01"));
        assertThat(RollupRanges.of(List.of(day("2025-11-01"), day("2025-12-01")), day("2025-12-31")))
                .containsExactly(months("2025-11-01", "2025-12-01"));
    }

    @Test
    void oneLongPeriodReadsItsWholeMonthsFromMonthsAndItsEdgesFromDays() {
        // the previous period of a range that is not whole months: one period
        assertThat(RollupRanges.of(List.of(day("2024-12-31")), day("2025-03-02")))
                .containsExactly(days("2024-12-31", "2024-12-31"), months("2025-01-01", "2025-02-01"), days("2025-03-01", "2025-03-02"));
        assertThat(RollupRanges.of(List.of(day("2025-02-02")), day("2025-02-27"))).containsExactly(days("2025-02-02", "2025-02-27"));
    }

    @Test
    void daysAndWeeksAreShorterThanAnyMonthAndReadOnlyDays() {
        LocalDate from = day("2025-01-01");
        LocalDate to = day("2025-03-31");
        for (Per per : List.of(Per.DAY, Per.WEEK)) {
            List<LocalDate> starts = new java.util.ArrayList<>();
            starts.add(from);
            LocalDate next = per == Per.DAY ? from.plusDays(1) : from.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
            for (; !next.isAfter(to); next = per == Per.DAY ? next.plusDays(1) : next.plusWeeks(1)) {
                starts.add(next);
            }
            assertThat(RollupRanges.of(starts, to)).as("per %s", per).containsExactly(days("2025-01-01", "2025-03-31"));
        }
    }
}
