package org.opencps.reporting;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.opencps.platform.changes.DataExported;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.internal.export.CsvReport;
import org.opencps.reporting.internal.export.PdfReport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A usage report as a file: CSV (stable columns, see the README) or PDF (title, organization,
 * period, generation time, charts as vector graphics, tables), texts in the given locale. Access as
 * {@link UsageReports#report}: the actor is checked every time, so a schedule that sends a report
 * in the name of the admin who made it stops once that admin may no longer see it.
 */
@Service
public class UsageReportExports {

    /** The file: a name for it (no path), its media type and its bytes. */
    public record ExportedReport(String fileName, String contentType, byte[] content) {
    }

    private final UsageReports reports;
    private final PdfReport pdf;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UsageReportExports(UsageReports reports, PdfReport pdf, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.pdf = pdf;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A person downloads the report: {@link #export}, audited as USAGE_REPORT_EXPORTED with the
     * report's dimension, period, range, subject and format (PRODUCT.md §8). A refused export records nothing.
     */
    @Transactional
    public ExportedReport download(Actor actor, OrgId org, UsageReportRequest request, ExportFormat format, Locale locale) {
        UsageReport report = reports.report(actor, org, request);
        UsageReportRequest done = report.request();
        Map<String, String> what = new HashMap<>(Map.of("report", "usage", "by", done.by().name(), "per", done.per().name(),
                "from", String.valueOf(done.from()), "to", String.valueOf(done.to()), "format", format.name()));
        if (done.subject() != null) {
            what.put("subject", done.subject().toString());
        }
        events.publishEvent(new DataExported(org, actor.userId(), "USAGE_REPORT_EXPORTED", org.toString(), what, clock.instant()));
        return render(report, request, format, locale);
    }

    /** The report as a file, for the actor; not audited by itself: the schedules that mail it are (REPORT_SCHEDULE_CREATED). */
    public ExportedReport export(Actor actor, OrgId org, UsageReportRequest request, ExportFormat format, Locale locale) {
        return render(reports.report(actor, org, request), request, format, locale);
    }

    private ExportedReport render(UsageReport report, UsageReportRequest request, ExportFormat format, Locale locale) {
        byte[] content = switch (format) {
            case CSV -> CsvReport.render(report);
            case PDF -> pdf.render(report, locale == null ? Locale.ENGLISH : locale);
        };
        String name = "usage-" + request.by().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + request.from()
                + "-" + request.to() + "." + format.extension();
        return new ExportedReport(name, format.contentType(), content);
    }
}
