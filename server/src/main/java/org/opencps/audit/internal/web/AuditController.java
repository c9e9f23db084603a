package org.opencps.audit.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.opencps.audit.AuditFilter;
import org.opencps.audit.AuditPage;
import org.opencps.audit.AuditTrail;
import org.opencps.audit.ChainVerification;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit trail", description = "An organization's audit records, their export and the verification of their hash chain")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    record RetentionBody(@NotNull Integer retentionDays) {
    }

    @GetMapping("/api/v1/organizations/{orgId}/audit/events")
    @Operation(summary = "Audit records, newest first, filtered by time (from inclusive, to exclusive), actor, action and"
            + " outcome (SUCCESS or FAILURE); an organization's admins see all of them, the provider above it only its"
            + " own people's actions there")
    AuditPage events(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                     @RequestParam(required = false) UUID actorId, @RequestParam(required = false) String action,
                     @RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        return trail.search(actor, orgId, filter(from, to, actorId, action, outcome), page, size);
    }

    @GetMapping("/api/v1/organizations/{orgId}/audit/events/export")
    @Operation(summary = "The same records as CSV (RFC 4180), all pages at once")
    void export(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                @RequestParam(required = false) UUID actorId, @RequestParam(required = false) String action,
                @RequestParam(required = false) String outcome, HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(from, to, actorId, action, outcome);
        trail.checkReadable(actor, orgId, filter);
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + orgId + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        trail.exportCsv(actor, orgId, filter, response.getWriter());
    }

    @GetMapping("/api/v1/organizations/{orgId}/audit/verification")
    @Operation(summary = "Checks the organization's hash chain of audit records against its signed seals and names the"
            + " first record that does not fit")
    ChainVerification verification(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return trail.verify(actor, orgId);
    }

    @GetMapping("/api/v1/organizations/{orgId}/audit/settings")
    @Operation(summary = "How many days the organization keeps its audit records")
    RetentionBody settings(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return new RetentionBody(trail.retentionDays(actor, orgId));
    }

    @PutMapping("/api/v1/organizations/{orgId}/audit/settings")
    @Operation(summary = "Sets how many days the organization keeps its audit records (30 to 3650)")
    RetentionBody changeSettings(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                                 @Valid @RequestBody RetentionBody body) {
        trail.setRetentionDays(actor, orgId, body.retentionDays());
        return new RetentionBody(trail.retentionDays(actor, orgId));
    }

    private static AuditFilter filter(OffsetDateTime from, OffsetDateTime to, UUID actorId, String action, String outcome) {
        return new AuditFilter(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), actorId,
                action, outcome);
    }
}
