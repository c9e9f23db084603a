package org.opencps.reporting;

import java.util.Locale;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.internal.export.CsvReport;
import org.opencps.reporting.internal.export.PdfReport;
import org.springframework.stereotype.Service;

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

    UsageReportExports(UsageReports reports, PdfReport pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    public ExportedReport export(Actor actor, OrgId org, UsageReportRequest request, ExportFormat format, Locale locale) {
        UsageReport report = reports.report(actor, org, request);
        byte[] content = switch (format) {
            case CSV -> CsvReport.render(report);
            case PDF -> pdf.render(report, locale == null ? Locale.ENGLISH : locale);
        };
        String name = "usage-" + request.by().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + request.from()
                + "-" + request.to() + "." + format.extension();
        return new ExportedReport(name, format.contentType(), content);
    }
}
