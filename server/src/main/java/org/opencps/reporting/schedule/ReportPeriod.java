package org.opencps.reporting.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The days a report covers, from {@code start} up to but not including {@code end}, in the organization's time zone. */
public record ReportPeriod(LocalDate start, LocalDate end) {

    public ReportPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** When the period is over in that time zone: midnight at the start of its end day. */
    public Instant endsAt(ZoneId zone) {
        return end.atStartOfDay(zone).toInstant();
    }

    public Instant startsAt(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }
}
