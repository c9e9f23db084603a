package org.opencps.reporting.schedule;

import java.util.List;

/**
 * Several kinds of scheduled report made alike (one per dimension, say), as one bean: the
 * schedules take each of its {@link #kinds()} as they take a {@link ScheduledReportKind} bean.
 */
public interface ScheduledReportFamily {

    List<ScheduledReportKind> kinds();
}
