package org.opencps.reporting.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.LicenseFigures;
import org.opencps.reporting.LicenseReport;
import org.opencps.reporting.LicenseReports;
import org.opencps.tenancy.Organization;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Licenses", description = "Customer licenses and the providers' rolled-up license reports")
class LicenseReportController {

    private final LicenseReports reports;

    LicenseReportController(LicenseReports reports) {
        this.reports = reports;
    }

    record LicenseFiguresResponse(long devicesAllowed, long devicesUsed, long users, long pages) {

        static LicenseFiguresResponse of(LicenseFigures f) {
            return new LicenseFiguresResponse(f.devicesAllowed(), f.devicesUsed(), f.users(), f.pages());
        }
    }

    /** One organization directly below; for a provider, {@code figures} is the anonymized total under it. */
    record LicenseReportRow(UUID id, String name, OrgKind kind, Organization.Status status, int customers,
                            LicenseFiguresResponse figures) {
    }

    record LicenseReportResponse(UUID organizationId, List<LicenseReportRow> rows, LicenseFiguresResponse total) {

        static LicenseReportResponse of(LicenseReport report) {
            return new LicenseReportResponse(report.orgId().value(), report.rows().stream()
                    .map(row -> new LicenseReportRow(row.orgId().value(), row.name(), row.kind(), row.status(),
                            row.customers(), LicenseFiguresResponse.of(row.figures())))
                    .toList(), LicenseFiguresResponse.of(report.total()));
        }
    }

    @GetMapping("/api/v1/organizations/{id}/license-report")
    @Operation(summary = "License figures of the organizations directly below, deeper levels only as anonymized totals")
    LicenseReportResponse licenseReport(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return LicenseReportResponse.of(reports.report(actor, id));
    }
}
