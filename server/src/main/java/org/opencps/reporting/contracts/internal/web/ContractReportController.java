package org.opencps.reporting.contracts.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.LicenseFigures;
import org.opencps.reporting.contracts.ContractExports;
import org.opencps.reporting.contracts.ContractHistory;
import org.opencps.reporting.contracts.ContractReports;
import org.opencps.reporting.contracts.CustomerContractReport;
import org.opencps.tenancy.License;
import org.opencps.tenancy.Organization;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contract reports", description = "A customer's contract and contract history; CSV exports of the contract reports")
class ContractReportController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final ContractReports reports;
    private final ContractExports exports;

    ContractReportController(ContractReports reports, ContractExports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    record CustomerContractResponse(UUID organizationId, String name, Organization.Status status, License license,
                                    LicenseFigures figures) {
    }

    record ChangeResponse(Instant at, UUID changedBy, String changedByName, License before, License after) {
    }

    record TermResponse(LocalDate start, LocalDate end, String plan, int deviceLimit, Instant setAt) {
    }

    record HistoryResponse(UUID organizationId, String name, List<ChangeResponse> changes, List<TermResponse> terms) {

        static HistoryResponse of(ContractHistory h) {
            return new HistoryResponse(h.orgId().value(), h.name(), h.changes().stream()
                    .map(c -> new ChangeResponse(c.at(), c.changedBy() == null ? null : c.changedBy().value(), c.changedByName(),
                            c.before(), c.after())).toList(),
                    h.terms().stream().map(t -> new TermResponse(t.start(), t.end(), t.plan(), t.deviceLimit(), t.setAt())).toList());
        }
    }

    @GetMapping("/api/v1/organizations/{orgId}/contract-report")
    @Operation(summary = "A customer's contract: license, devices allowed and used, people, pages (its provider and its admins)")
    CustomerContractResponse customer(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        CustomerContractReport r = reports.customerReport(actor, orgId);
        return new CustomerContractResponse(r.orgId().value(), r.name(), r.status(), r.license(), r.figures());
    }

    @GetMapping("/api/v1/organizations/{orgId}/contract-report.csv")
    @Operation(summary = "The customer contract report as CSV")
    ResponseEntity<byte[]> customerCsv(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return csv("customer-contract", exports.customerCsv(actor, orgId));
    }

    @GetMapping("/api/v1/organizations/{orgId}/contract-history")
    @Operation(summary = "Every license change of a customer (who, when, before, after) and its term timeline")
    HistoryResponse history(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return HistoryResponse.of(reports.history(actor, orgId));
    }

    @GetMapping("/api/v1/organizations/{orgId}/contract-history.csv")
    @Operation(summary = "The contract history as CSV")
    ResponseEntity<byte[]> historyCsv(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return csv("contract-history", exports.historyCsv(actor, orgId));
    }

    @GetMapping("/api/v1/organizations/{orgId}/license-report.csv")
    @Operation(summary = "The provider contract (license) report as CSV, rolled up and anonymized like the JSON one")
    ResponseEntity<byte[]> providerCsv(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return csv("provider-contract", exports.licenseCsv(actor, orgId));
    }

    @GetMapping("/api/v1/organizations/{orgId}/contract-report.pdf")
    @Operation(summary = "The customer contract report with its terms and license changes, as a PDF document in the"
            + " request's language")
    ResponseEntity<byte[]> customerPdf(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, Locale locale) {
        return pdf("customer-contract", exports.customerPdf(actor, orgId, locale));
    }

    @GetMapping("/api/v1/organizations/{orgId}/license-report.pdf")
    @Operation(summary = "The provider contract (license) report as a PDF document, rolled up and anonymized like the JSON one")
    ResponseEntity<byte[]> providerPdf(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, Locale locale) {
        return pdf("provider-contract", exports.licensePdf(actor, orgId, locale));
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document);
    }

    private static ResponseEntity<byte[]> csv(String name, byte[] csv) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .body(csv);
    }
}
