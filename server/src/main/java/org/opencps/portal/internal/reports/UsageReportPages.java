package org.opencps.portal.internal.reports;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.UsageFigures;
import org.opencps.reporting.UsageReport;
import org.opencps.reporting.UsageReportRequest;
import org.opencps.reporting.UsageReports;
import org.opencps.reporting.ReportParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage reports in the portal: an organization's, by organization, person, group, printer or
 * printer group, for those who see its reports; and a person's own. Per day, week or month over
 * a range, with the previous period of the same length. Charts (Chart.js, from data attributes)
 * show the pages per period and per subject; tables below carry the same figures. The CSV and PDF
 * links ask the API for the same report.
 */
@Controller
class UsageReportPages {

    /** The subjects the chart shows (the most pages first); the table lists them all. */
    static final int CHARTED_SUBJECTS = 15;
    /** The figures of the totals table, in order; each is a {@link UsageFigures} property and a {@code report.figure.} message. */
    static final List<String> FIGURES = List.of("jobs", "reportedPages", "colorPages", "monochromePages", "simplexPages",
            "duplexPages", "sheets", "scannedPages", "countedPages", "pageDifference", "refusedOverQuota", "refusedByPolicy");

    private final UsageReports reports;
    private final JsonMapper json;

    UsageReportPages(UsageReports reports, JsonMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @GetMapping("/orgs/{orgId}/reports")
    String organization(Actor actor, @PathVariable OrgId orgId, @RequestParam(required = false) String by,
                        @RequestParam(required = false) String per, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, @RequestParam(required = false) String subject,
                        Model model) {
        UsageReport report = reports.report(actor, orgId, ReportParameters.request(by, per, from, to, subject));
        model.addAttribute("own", false);
        model.addAttribute("dimensions", UsageReportRequest.Dimension.values());
        return show(report, model);
    }

    @GetMapping("/usage/report")
    String mine(Actor actor, @RequestParam(required = false) String per, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        OrgId org = actor.requireOrganization();
        UsageReportRequest asked = ReportParameters.request(null, per, from, to, null);
        UsageReport report = reports.report(actor, org,
                UsageReportRequest.ownUsage(actor.userId().value(), asked.per(), asked.from(), asked.to()));
        model.addAttribute("own", true);
        model.addAttribute("dimensions", List.of());
        return show(report, model);
    }

    private String show(UsageReport report, Model model) {
        UsageReportRequest request = report.request();
        model.addAttribute("r", report);
        model.addAttribute("pers", UsageReportRequest.Per.values());
        model.addAttribute("figures", FIGURES);
        model.addAttribute("periodRows", IntStream.range(0, report.periods().size())
                .mapToObj(i -> new PeriodRow(report.periods().get(i), report.totalPerPeriod().get(i))).toList());
        model.addAttribute("periodChart", json.writeValueAsString(IntStream.range(0, report.periods().size())
                .mapToObj(i -> bar(report.periods().get(i).toString(), report.totalPerPeriod().get(i))).toList()));
        model.addAttribute("subjectChart", json.writeValueAsString(report.subjects().stream()
                .sorted(Comparator.comparingLong((UsageReport.Subject s) -> s.total().reportedPages()).reversed())
                .limit(CHARTED_SUBJECTS)
                .map(s -> bar(nameOf(s), s.total())).toList()));
        model.addAttribute("exportQuery", exportQuery(request));
        return "reports/usage";
    }

    /** One period's first day and its figures, for the table under the chart. */
    record PeriodRow(java.time.LocalDate start, UsageFigures figures) {
    }

    static String nameOf(UsageReport.Subject s) {
        return s.name() != null ? s.name() : s.id().toString().substring(0, 8);
    }

    private static Map<String, Object> bar(String label, UsageFigures f) {
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("name", label);
        bar.put("day", label);
        bar.put("color", f.colorPages());
        bar.put("mono", f.monochromePages());
        return bar;
    }

    /** The request as the API's query: the export links ask for exactly the report shown. */
    static Map<String, String> exportQuery(UsageReportRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("by", request.by().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        query.put("per", request.per().name().toLowerCase(java.util.Locale.ROOT));
        query.put("from", request.from().toString());
        query.put("to", request.to().toString());
        query.put("subject", request.subject() == null ? "" : request.subject().toString());
        return query;
    }
}
