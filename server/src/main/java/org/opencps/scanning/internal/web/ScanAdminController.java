package org.opencps.scanning.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.AddressBookEntry;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.NewScanWorkflow;
import org.opencps.scanning.ScanAdministration;
import org.opencps.scanning.ScanFormat;
import org.opencps.scanning.ScanOptions;
import org.opencps.scanning.ScanWorkflow;
import org.opencps.scanning.ScanWorkflows;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The address book and scan workflows of an organization (its admins), and a person's favourites. */
@RestController
@Tag(name = "Scan workflows", description = "Address book, shared scan workflows and favourites")
class ScanAdminController {

    private final ScanAdministration administration;
    private final ScanWorkflows workflows;

    ScanAdminController(ScanAdministration administration, ScanWorkflows workflows) {
        this.administration = administration;
        this.workflows = workflows;
    }

    record AddressBody(String name, String email) {
    }

    /** Options left out take the defaults: PDF and JPEG, colour, 300 dpi, simplex, "scan-{date}-{time}", not encrypted. */
    record OptionsBody(Set<ScanFormat> formats, ScanOptions.ColorMode color, Integer resolution, Boolean duplex,
                       String fileNamePattern, Boolean encryptPdf) {

        ScanOptions options() {
            ScanOptions defaults = ScanOptions.defaults();
            return new ScanOptions(formats == null ? defaults.formats() : formats, color == null ? defaults.color() : color,
                    resolution == null ? defaults.resolution() : resolution, Boolean.TRUE.equals(duplex),
                    fileNamePattern == null ? defaults.fileNamePattern() : fileNamePattern, Boolean.TRUE.equals(encryptPdf));
        }
    }

    record WorkflowBody(String name, DestinationKind kind, String address, OptionsBody options, String password,
                        Boolean everyone, Set<UUID> groups) {

        NewScanWorkflow request() {
            return new NewScanWorkflow(name, kind, address, options == null ? null : options.options(), password,
                    Boolean.TRUE.equals(everyone), groups);
        }

        @Override
        public String toString() {
            return request().toString();
        }
    }

    @GetMapping("/api/v1/organizations/{orgId}/scan-addresses")
    @Operation(summary = "The organization's address book for scans")
    List<AddressBookEntry> addresses(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return administration.addressBook(actor, orgId);
    }

    @PostMapping("/api/v1/organizations/{orgId}/scan-addresses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a named address to the address book")
    AddressBookEntry addAddress(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @RequestBody AddressBody body) {
        return administration.addAddress(actor, orgId, body.name(), body.email());
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/scan-addresses/{addressId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an address from the address book")
    void removeAddress(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID addressId) {
        administration.removeAddress(actor, orgId, addressId);
    }

    @GetMapping("/api/v1/organizations/{orgId}/scan-workflows")
    @Operation(summary = "The organization's scan workflows")
    List<ScanWorkflow> workflows(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return workflows.list(actor, orgId);
    }

    @PostMapping("/api/v1/organizations/{orgId}/scan-workflows")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a scan workflow shared with everyone or with groups",
            description = "options.encryptPdf needs a password (4 to 127 characters); it is sealed and never shown again.")
    ScanWorkflow create(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @RequestBody WorkflowBody body) {
        return workflows.create(actor, orgId, body.request());
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/scan-workflows/{workflowId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a scan workflow")
    void delete(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @PathVariable UUID workflowId) {
        workflows.delete(actor, orgId, workflowId);
    }

    @GetMapping("/api/v1/me/scan-workflows")
    @Operation(summary = "The scan workflows shared with you")
    List<ScanWorkflow> shared(@Parameter(hidden = true) Actor actor) {
        return workflows.sharedWithMe(actor);
    }

    @PutMapping("/api/v1/me/scan-workflows/{workflowId}/favourite")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a workflow shared with you as a favourite")
    void favourite(@Parameter(hidden = true) Actor actor, @PathVariable UUID workflowId) {
        workflows.setFavourite(actor, workflowId, true);
    }

    @DeleteMapping("/api/v1/me/scan-workflows/{workflowId}/favourite")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "No longer a favourite")
    void unfavourite(@Parameter(hidden = true) Actor actor, @PathVariable UUID workflowId) {
        workflows.setFavourite(actor, workflowId, false);
    }
}
