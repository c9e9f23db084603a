package org.opencps.reporting.schedule.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opencps.reporting.schedule.ReportPeriod;
import org.opencps.reporting.schedule.ReportSchedule;

/**
 * Which periods of a schedule are over and so due: every period that ended after the schedule was
 * made, up to now, oldest first. A server that was down sends the periods it missed when it is
 * back, at most the last {@link #MAX_CATCH_UP} of them.
 */
final class DuePeriods {

    static final int MAX_CATCH_UP = 31;

    private DuePeriods() {
    }

    static List<ReportPeriod> of(ReportSchedule schedule, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ReportPeriod> due = new ArrayList<>();
        ReportPeriod period = schedule.cadence().before(schedule.cadence().periodOf(today));
        while (due.size() < MAX_CATCH_UP && period.endsAt(zone).isAfter(schedule.createdAt())) {
            due.add(period);
            period = schedule.cadence().before(period);
        }
        Collections.reverse(due);
        return due;
    }
}
