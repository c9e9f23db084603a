package org.opencps.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opencps.platform.errors.InvalidInputException;

/**
 * Which usage report: of one organization, by a dimension (one row per subject, or only the
 * {@code subject} given), per day, ISO week (Monday to Sunday) or calendar month, from and to
 * (days in the organization's time zone, both inclusive). A week or month cut by the range counts
 * only its days inside it.
 */
public record UsageReportRequest(Dimension by, Per per, LocalDate from, LocalDate to, UUID subject) {

    /** The longest range: per day a year, per week or month ten years. */
    public static final int MAX_DAYS_PER_DAY = 366;
    public static final int MAX_DAYS = 3660;

    public enum Dimension { ORGANIZATION, PERSON, GROUP, DEVICE, DEVICE_GROUP }

    public enum Per { DAY, WEEK, MONTH }

    /**
     * Checks the request; missing by/per mean the organization per month; missing days are filled
     * by {@link #completed} (this month, in the organization's time zone).
     */
    public UsageReportRequest {
        by = by == null ? Dimension.ORGANIZATION : by;
        per = per == null ? Per.MONTH : per;
        if (by == Dimension.ORGANIZATION && subject != null) {
            throw new InvalidInputException("subject", "problem.report.noSubject", "a report of the organization has no subject");
        }
        if (from != null && to != null) {
            checkRange(per, from, to);
        }
    }

    private static void checkRange(Per per, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "problem.report.fromAfterTo", "from must not be after to");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int max = per == Per.DAY ? MAX_DAYS_PER_DAY : MAX_DAYS;
        if (days > max) {
            throw new InvalidInputException("to", "problem.report.periodTooLong", "a report per " + per.name().toLowerCase(java.util.Locale.ROOT)
                    + " covers at most " + max + " days", max);
        }
    }

    /** With the missing days filled: to defaults to today, from to the first day of to's month. */
    public UsageReportRequest completed(LocalDate today) {
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        return new UsageReportRequest(by, per, first, last, subject);
    }

    /** A person's own usage. */
    public static UsageReportRequest ownUsage(UUID person, Per per, LocalDate from, LocalDate to) {
        return new UsageReportRequest(Dimension.PERSON, per, from, to, person);
    }

    /**
     * The period just before, of the same length: the same number of whole months when the range
     * is whole calendar months, otherwise the same number of days.
     */
    public UsageReportRequest previous() {
        if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
            return new UsageReportRequest(by, per, from.minusMonths(months), from.minusDays(1), subject);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new UsageReportRequest(by, per, from.minusDays(days), from.minusDays(1), subject);
    }
}
