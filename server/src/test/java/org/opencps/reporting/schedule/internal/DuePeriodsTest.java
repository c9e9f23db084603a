package org.opencps.reporting.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.reporting.schedule.Cadence;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.schedule.ReportPeriod;
import org.opencps.reporting.schedule.ReportSchedule;

/** Which periods are due: those over since the schedule was made, in the organization's time zone, at most 31. */
class DuePeriodsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ReportSchedule made(Cadence cadence, Instant at) {
        return new ReportSchedule(OrgId.random(), UUID.randomUUID(), "CUSTOMER_CONTRACT", cadence, Set.of(ExportFormat.CSV), "en",
                Set.of(UserId.random()), Set.of(), UserId.random(), at);
    }

    private static ReportPeriod days(String start, String end) {
        return new ReportPeriod(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void aDailyReportIsDueAtTheOrganizationsMidnightAndNotBefore() {
        ReportSchedule s = made(Cadence.DAILY, Instant.parse("2026-03-10T10:00:00Z"));
        // 23:59:59 in Berlin on the 10th is 22:59:59 UTC: the day is not over there yet
        assertThat(DuePeriods.of(s, BERLIN, Instant.parse("2026-03-10T22:59:59Z"))).isEmpty();
        assertThat(DuePeriods.of(s, BERLIN, Instant.parse("2026-03-10T23:00:00Z"))).containsExactly(days("2026-03-10", "2026-03-11"));
        assertThat(DuePeriods.of(s, ZoneOffset.UTC, Instant.parse("2026-03-10T23:59:59Z"))).isEmpty();
    }

    @Test
    void missedPeriodsAreAllDueOldestFirst() {
        ReportSchedule s = made(Cadence.DAILY, Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(DuePeriods.of(s, ZoneOffset.UTC, Instant.parse("2026-03-13T08:00:00Z"))).containsExactly(
                days("2026-03-10", "2026-03-11"), days("2026-03-11", "2026-03-12"), days("2026-03-12", "2026-03-13"));
    }

    @Test
    void aLongDowntimeCatchesUpAtMostThirtyOnePeriods() {
        ReportSchedule s = made(Cadence.DAILY, Instant.parse("2026-01-01T00:00:00Z"));
        List<ReportPeriod> due = DuePeriods.of(s, ZoneOffset.UTC, Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(due).hasSize(DuePeriods.MAX_CATCH_UP);
        assertThat(due.getLast()).isEqualTo(days("2026-05-31", "2026-06-01"));
    }

    @Test
    void weeksRunMondayToSundayAndMonthsAreCalendarMonthsAcrossDaylightSavingChanges() {
        // Berlin moves its clocks forward on Sunday 2026-03-29: that week has 167 hours, still one period
        ReportSchedule weekly = made(Cadence.WEEKLY, Instant.parse("2026-03-25T12:00:00Z"));
        assertThat(DuePeriods.of(weekly, BERLIN, Instant.parse("2026-03-29T21:59:59Z"))).isEmpty();
        assertThat(DuePeriods.of(weekly, BERLIN, Instant.parse("2026-03-29T22:00:00Z")))
                .containsExactly(days("2026-03-23", "2026-03-30"));

        // October ends on the day Berlin moves back (25th): the month is due at Berlin's midnight of 1 November, 23:00 UTC
        ReportSchedule monthly = made(Cadence.MONTHLY, Instant.parse("2026-10-15T12:00:00Z"));
        assertThat(DuePeriods.of(monthly, BERLIN, Instant.parse("2026-10-31T22:59:59Z"))).isEmpty();
        assertThat(DuePeriods.of(monthly, BERLIN, Instant.parse("2026-10-31T23:00:00Z")))
                .containsExactly(days("2026-10-01", "2026-11-01"));
        assertThat(DuePeriods.of(monthly, BERLIN, Instant.parse("2026-12-31T22:59:59Z")))
                .containsExactly(days("2026-10-01", "2026-11-01"), days("2026-11-01", "2026-12-01"));
    }
}
