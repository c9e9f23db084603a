package org.opencps.reporting.internal.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageReport;

/**
 * A usage report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break quoted with doubled quotes; UTF-8 without byte order mark). One header row with the
 * stable column names of {@link #COLUMNS}, then one row per subject and period, subjects in the
 * report's order. A text beginning with =, +, -, @, tab or carriage return is prefixed with an
 * apostrophe, so that a spreadsheet never runs a name as a formula.
 */
public final class CsvReport {

    public static final List<String> COLUMNS = List.of("period_start", "period_end", "dimension", "subject_id",
            "subject_name", "jobs", "counted_pages", "reported_pages", "page_difference", "color_pages",
            "monochrome_pages", "simplex_pages", "duplex_pages", "sheets", "scanned_pages", "refused_over_quota",
            "refused_by_policy");

    private CsvReport() {
    }

    public static byte[] render(UsageReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, COLUMNS);
        List<LocalDate> periods = report.periods();
        for (UsageReport.Subject subject : report.subjects()) {
            for (int i = 0; i < periods.size(); i++) {
                LocalDate end = i + 1 < periods.size() ? periods.get(i + 1).minusDays(1) : report.request().to();
                UsageFigures f = subject.perPeriod().get(i);
                line(csv, List.of(periods.get(i).toString(), end.toString(), report.request().by().name(),
                        subject.id().toString(), subject.name() == null ? "" : subject.name(),
                        Long.toString(f.jobs()), Long.toString(f.countedPages()), Long.toString(f.reportedPages()),
                        Long.toString(f.pageDifference()), Long.toString(f.colorPages()), Long.toString(f.monochromePages()),
                        Long.toString(f.simplexPages()), Long.toString(f.duplexPages()), Long.toString(f.sheets()),
                        Long.toString(f.scannedPages()), Long.toString(f.refusedOverQuota()),
                        Long.toString(f.refusedByPolicy())));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text) ? "'" + text : text;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]+");
    }
}
