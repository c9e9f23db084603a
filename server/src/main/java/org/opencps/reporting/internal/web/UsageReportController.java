package org.opencps.reporting.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Locale;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.EnvironmentFactorSettings;
import org.opencps.reporting.EnvironmentFactors;
import org.opencps.reporting.ExportFormat;
import org.opencps.reporting.ReportParameters;
import org.opencps.reporting.UsageReport;
import org.opencps.reporting.UsageReportExports;
import org.opencps.reporting.UsageReports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Usage reports", description = "Printing by organization, person, group, device and device group, per day,"
        + " week or month, in the organization's time zone; CSV and PDF; environmental factors")
class UsageReportController {

    private static final String REPORT = "/api/v1/organizations/{orgId}/usage/report";

    private final UsageReports reports;
    private final UsageReportExports exports;
    private final EnvironmentFactorSettings environment;

    UsageReportController(UsageReports reports, UsageReportExports exports, EnvironmentFactorSettings environment) {
        this.reports = reports;
        this.exports = exports;
        this.environment = environment;
    }

    @GetMapping(REPORT)
    @Operation(summary = "A usage report: by organization (default), person, group, device or device-group; per day,"
            + " week or month (default); from and to are days in the organization's time zone, both inclusive; subject"
            + " narrows it to one; with the previous period of the same length. People see their own usage: by=person"
            + " with their own id as subject")
    UsageReport report(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                       @RequestParam(required = false) String by, @RequestParam(required = false) String per,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String subject) {
        return reports.report(actor, orgId, ReportParameters.request(by, per, from, to, subject));
    }

    @GetMapping(REPORT + ".csv")
    @Operation(summary = "The same report as CSV (RFC 4180, UTF-8, header row; columns in the README)")
    ResponseEntity<byte[]> csv(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                               @RequestParam(required = false) String by, @RequestParam(required = false) String per,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String subject, Locale locale) {
        return file(exports.download(actor, orgId, ReportParameters.request(by, per, from, to, subject), ExportFormat.CSV, locale));
    }

    @GetMapping(REPORT + ".pdf")
    @Operation(summary = "The same report as a PDF document in the request's language (English, German or Japanese)")
    ResponseEntity<byte[]> pdf(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                               @RequestParam(required = false) String by, @RequestParam(required = false) String per,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String subject, Locale locale) {
        return file(exports.download(actor, orgId, ReportParameters.request(by, per, from, to, subject), ExportFormat.PDF, locale));
    }

    @GetMapping("/api/v1/organizations/{orgId}/environment-factors")
    @Operation(summary = "The factors the environmental figures are computed from (the organization's or the defaults)")
    EnvironmentFactors factors(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return environment.get(actor, orgId);
    }

    @PutMapping("/api/v1/organizations/{orgId}/environment-factors")
    @Operation(summary = "Set the organization's environmental factors (each 0 to 9999.999)")
    EnvironmentFactors setFactors(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                                  @RequestBody FactorsBody body) {
        return environment.set(actor, orgId, () -> new EnvironmentFactors(body.gramsCo2PerSheet(), body.litresWaterPerSheet(),
                body.wattHoursPerSheet(), body.gramsCo2PerColorPage(), body.gramsCo2PerMonochromePage()));
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/environment-factors")
    @Operation(summary = "Forget the organization's own environmental factors: the documented defaults apply again")
    EnvironmentFactors resetFactors(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return environment.reset(actor, orgId);
    }

    /** The factors as sent; the face's record checks them, so a missing or negative one is a 422 naming it. */
    record FactorsBody(BigDecimal gramsCo2PerSheet, BigDecimal litresWaterPerSheet, BigDecimal wattHoursPerSheet,
                       BigDecimal gramsCo2PerColorPage, BigDecimal gramsCo2PerMonochromePage) {
    }

    private static ResponseEntity<byte[]> file(UsageReportExports.ExportedReport file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }
}
