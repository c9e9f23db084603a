package org.opencps.reporting.schedule;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.ExportFormat;

/**
 * A kind of report that can be scheduled. Each is a Spring bean; the schedules find them all by
 * {@link #id()}. A schedule is rendered in the name of the person who made it: {@link #requireView}
 * is checked for them when the schedule is made and again before each period is sent (a schedule
 * whose creator lost access stops), and {@link #render} gets them, for kinds that read through a
 * face that checks access itself. Its title is the message {@code reportKind.<id>}.
 */
public interface ScheduledReportKind {

    /** A stable name, stored in schedules: upper case letters and underscores. */
    String id();

    /** The formats it renders. */
    Set<ExportFormat> formats();

    /** Passes when the actor may see this report of the organization (the access policy decides); throws otherwise. */
    void requireView(Actor actor, OrgId org);

    /**
     * The report of the organization for the period (days in {@code zone}), texts in the locale's
     * language, as {@code creator} (the schedule's creator, working in the organization) may see it.
     */
    RenderedReport render(Actor creator, OrgId org, ReportPeriod period, ZoneId zone, ExportFormat format, Locale locale);
}
