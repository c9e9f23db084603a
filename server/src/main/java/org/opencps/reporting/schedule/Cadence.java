package org.opencps.reporting.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often a scheduled report is sent: once per day, ISO week (Monday to Sunday) or calendar month. */
public enum Cadence {
    DAILY, WEEKLY, MONTHLY;

    /** The period of this cadence that the day falls in. */
    public ReportPeriod periodOf(LocalDate day) {
        return switch (this) {
            case DAILY -> new ReportPeriod(day, day.plusDays(1));
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(monday, monday.plusWeeks(1));
            }
            case MONTHLY -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new ReportPeriod(first, first.plusMonths(1));
            }
        };
    }

    /** The period just before this one. */
    public ReportPeriod before(ReportPeriod period) {
        return periodOf(period.start().minusDays(1));
    }
}
