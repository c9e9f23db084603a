package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.LicenseFigures;
import org.opencps.tenancy.LicenseReport;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{id}")
@Tag(name = "Licenses", description = "Customer licenses and the providers' rolled-up license reports")
class LicenseController {

    private final Organizations organizations;

    LicenseController(Organizations organizations) {
        this.organizations = organizations;
    }

    record Figures(long devicesAllowed, long devicesUsed, long users, long pages) {

        static Figures of(LicenseFigures f) {
            return new Figures(f.devicesAllowed(), f.devicesUsed(), f.users(), f.pages());
        }
    }

    /** One organization directly below; for a provider, {@code figures} is the anonymized total under it. */
    record ReportRow(UUID id, String name, OrgKind kind, Organization.Status status, int customers, Figures figures) {
    }

    record ReportResponse(UUID organizationId, List<ReportRow> rows, Figures total) {

        static ReportResponse of(LicenseReport report) {
            return new ReportResponse(report.orgId().value(), report.rows().stream()
                    .map(row -> new ReportRow(row.orgId().value(), row.name(), row.kind(), row.status(), row.customers(),
                            Figures.of(row.figures())))
                    .toList(), Figures.of(report.total()));
        }
    }

    @GetMapping("/license")
    @Operation(summary = "A customer's license (the customer, or the provider that created it)")
    LicenseBody license(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return LicenseBody.of(organizations.license(actor, id));
    }

    @PutMapping("/license")
    @Operation(summary = "Set the license of a customer directly below your provider")
    LicenseBody setLicense(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id,
                           @Valid @RequestBody LicenseBody body) {
        return LicenseBody.of(organizations.setLicense(actor, id, body.toLicense()));
    }

    @GetMapping("/license-report")
    @Operation(summary = "License figures of the organizations directly below, deeper levels only as anonymized totals")
    ReportResponse licenseReport(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return ReportResponse.of(organizations.licenseReport(actor, id));
    }
}
