package org.opencps.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/**
 * A usage report as asked ({@link UsageReportRequest}), counted in the organization's time zone.
 * {@code periods}: the first day of each period (day, week or month) in the range, in order; a
 * period cut by the range starts at {@code from}. {@code subjects}: each subject with any figure
 * in the range or the previous one, with its total, its total in the previous period of the same
 * length and its figures per period (as many as {@code periods}, zero where it printed nothing).
 * {@code total}, {@code totalPerPeriod} and {@code previousTotal}: the organization's (or the one
 * subject's, if the request names one); in a report by group a person in two groups counts in both
 * rows, once in the total. {@code environment}: what the total took, and saved, of paper, CO2,
 * water and energy.
 */
public record UsageReport(OrgId orgId, String organizationName, String timeZone, UsageReportRequest request,
                          LocalDate previousFrom, LocalDate previousTo, List<LocalDate> periods, List<Subject> subjects,
                          UsageFigures total, List<UsageFigures> totalPerPeriod, UsageFigures previousTotal,
                          EnvironmentalFigures environment, Instant generatedAt) {

    /** {@code name}: null where the reader may not see it (the id is shown instead). */
    public record Subject(UUID id, String name, UsageFigures total, UsageFigures previousTotal, List<UsageFigures> perPeriod) {
    }
}
