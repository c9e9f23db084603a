package org.opencps.printing.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.opencps.documents.DocumentKeyset;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.PrintAdministration;
import org.opencps.printing.PrintSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Print settings", description = "An organization's print settings and document keys")
class PrintSettingsController {

    private final PrintAdministration administration;

    PrintSettingsController(PrintAdministration administration) {
        this.administration = administration;
    }

    /** Omitted policy fields take their defaults: no forcing, no page limit, every format. */
    record PrintSettingsBody(@NotNull Boolean holdJobs, Boolean forceMonochrome, Boolean forceDuplex, Integer maxPagesPerJob,
                             List<DocumentFormat> allowedFormats) {

        static PrintSettingsBody of(PrintSettings settings) {
            return new PrintSettingsBody(settings.holdJobs(), settings.forceMonochrome(), settings.forceDuplex(),
                    settings.maxPagesPerJob(), List.copyOf(settings.allowedFormats()));
        }

        PrintSettings settings() {
            if (allowedFormats != null && allowedFormats.contains(null)) {
                throw new InvalidInputException("allowedFormats", "problem.print.formats", "allowedFormats lists formats: PDF, JPEG, PWG_RASTER, URF");
            }
            return new PrintSettings(holdJobs, Boolean.TRUE.equals(forceMonochrome), Boolean.TRUE.equals(forceDuplex),
                    maxPagesPerJob, allowedFormats == null ? null : Set.copyOf(allowedFormats));
        }
    }

    @GetMapping("/api/v1/organizations/{orgId}/print-settings")
    @Operation(summary = "The organization's print settings")
    PrintSettingsBody settings(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return PrintSettingsBody.of(administration.settings(actor, orgId));
    }

    @PutMapping("/api/v1/organizations/{orgId}/print-settings")
    @Operation(summary = "Replace the organization's print settings and policies",
            description = "holdJobs: false completes jobs at once. forceMonochrome, forceDuplex: applied at release."
                    + " maxPagesPerJob: pages x copies per release (null: no limit). allowedFormats: PDF, JPEG, PWG_RASTER,"
                    + " URF accepted at submission (omitted: all).")
    PrintSettingsBody update(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId,
                             @Valid @RequestBody PrintSettingsBody body) {
        return PrintSettingsBody.of(administration.updateSettings(actor, orgId, body.settings()));
    }

    @PostMapping("/api/v1/organizations/{orgId}/document-keys/rotate")
    @Operation(summary = "Encrypt new documents with a new key from now on; older documents stay readable")
    DocumentKeyset rotate(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return administration.rotateDocumentKey(actor, orgId);
    }
}
