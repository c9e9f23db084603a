package org.opencps.reporting.internal.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which roll-up answers which days of a report: a calendar month that lies wholly inside one of
 * the report's periods is read from the monthly roll-up (one row per subject), every other day
 * from the daily one. Both count days in the organization's time zone and a report's range is made
 * of whole days, so the two together are exact at any range end. Per month, whole months in the
 * middle of the range come from the monthly roll-up and only the partly covered months at its ends
 * from the daily one; per day or week (shorter than any month) everything comes from days.
 */
final class RollupRanges {

    /** Days {@code from} to {@code to} (inclusive) of one roll-up; for the monthly one, both are first days of months. */
    record Range(boolean months, LocalDate from, LocalDate to) {
    }

    private RollupRanges() {
    }

    /**
     * The ranges to read, in order, neighbours of the same roll-up joined. {@code starts} are the
     * first days of the periods in order, the last period ends on {@code to}.
     */
    static List<Range> of(List<LocalDate> starts, LocalDate to) {
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate start = starts.get(i);
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : to;
            LocalDate firstMonth = start.getDayOfMonth() == 1 ? start : start.withDayOfMonth(1).plusMonths(1);
            LocalDate afterLastMonth = end.plusDays(1).withDayOfMonth(1);
            if (firstMonth.isBefore(afterLastMonth)) {
                addDays(ranges, start, firstMonth.minusDays(1));
                add(ranges, new Range(true, firstMonth, afterLastMonth.minusMonths(1)));
                addDays(ranges, afterLastMonth, end);
            } else {
                addDays(ranges, start, end);
            }
        }
        return ranges;
    }

    private static void addDays(List<Range> ranges, LocalDate from, LocalDate to) {
        if (!from.isAfter(to)) {
            add(ranges, new Range(false, from, to));
        }
    }

    private static void add(List<Range> ranges, Range range) {
        for (int i = ranges.size() - 1; i >= 0; i--) {
            Range previous = ranges.get(i);
            if (previous.months() == range.months()) {
                LocalDate next = range.months() ? previous.to().plusMonths(1) : previous.to().plusDays(1);
                if (next.equals(range.from())) {
                    ranges.set(i, new Range(range.months(), previous.from(), range.to()));
                    return;
                }
                break;
            }
        }
        ranges.add(range);
    }
}
