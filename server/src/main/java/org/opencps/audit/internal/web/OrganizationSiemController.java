package org.opencps.audit.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencps.audit.OrganizationSiem;
import org.opencps.audit.OrganizationSiemSettings;
import org.opencps.audit.OrganizationSiemTarget;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit trail", description = "An organization's audit records, their export and the verification of their hash chain")
class OrganizationSiemController {

    private static final String PATH = "/api/v1/organizations/{orgId}/audit/siem";

    private final OrganizationSiem siem;

    OrganizationSiemController(OrganizationSiem siem) {
        this.siem = siem;
    }

    @GetMapping(PATH)
    @Operation(summary = "The organization's own SIEM target and how delivery to it goes (last delivery, last error); 404 when"
            + " none is set")
    OrganizationSiemTarget target(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return siem.target(actor, orgId).orElseThrow(() -> new NotFoundException("SIEM target"));
    }

    @PutMapping(PATH)
    @Operation(summary = "Sets the organization's own SIEM target: syslog over TLS (RFC 5425) to host and port, in CEF or LEEF,"
            + " trusting the PEM certificates given (the receiver's CA or its own certificate). Only this organization's records"
            + " are sent there, besides the deployment's SIEM. Needs a recent second-factor check")
    OrganizationSiemTarget set(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                               @RequestBody OrganizationSiemSettings body) {
        return siem.set(actor, orgId, body);
    }

    @DeleteMapping(PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes the organization's own SIEM target (set again, it receives the records kept from the oldest)")
    void remove(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        siem.remove(actor, orgId);
    }
}
