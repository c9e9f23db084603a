package org.opencps.scanning.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanAdministration;
import org.opencps.scanning.ScanSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Scan settings", description = "An organization's scan settings")
class ScanSettingsController {

    private final ScanAdministration administration;

    ScanSettingsController(ScanAdministration administration) {
        this.administration = administration;
    }

    record ScanSettingsBody(@NotNull List<DestinationKind> allowedDestinations, @NotNull Boolean directEmailAllowed,
                            @NotNull Integer retentionHours, @NotNull Long maxScanBytes, @NotNull Long attachmentLimitBytes,
                            @NotNull Boolean boxDirect) {

        static ScanSettingsBody of(ScanSettings s) {
            return new ScanSettingsBody(s.allowedKinds().stream().sorted().toList(), s.directEmailAllowed(), s.retentionHours(),
                    s.maxScanBytes(), s.attachmentLimitBytes(), s.boxDirect());
        }

        ScanSettings settings() {
            if (allowedDestinations.contains(null)) {
                throw new InvalidInputException("allowedDestinations", "problem.scan.destinations",
                        "allowedDestinations lists MY_SCANS, EMAIL_ME, ADDRESS_BOOK, DRIVE, ONEDRIVE, SHAREPOINT, BOX");
            }
            return new ScanSettings(Set.copyOf(allowedDestinations), directEmailAllowed, retentionHours, maxScanBytes,
                    attachmentLimitBytes, boxDirect);
        }
    }

    @GetMapping("/api/v1/organizations/{orgId}/scan-settings")
    @Operation(summary = "The organization's scan settings")
    ScanSettingsBody settings(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId) {
        return ScanSettingsBody.of(administration.settings(actor, orgId));
    }

    @PutMapping("/api/v1/organizations/{orgId}/scan-settings")
    @Operation(summary = "Replace the organization's scan settings",
            description = "allowedDestinations: the kinds people may scan to. directEmailAllowed: an address may be typed at the"
                    + " device. retentionHours: 1 to 720. maxScanBytes: the largest scan. attachmentLimitBytes: larger scans are"
                    + " e-mailed as a link to My scans. boxDirect: Box scans stream straight to Box, nothing kept.")
    ScanSettingsBody update(@Parameter(hidden = true) Actor actor, @PathVariable OrgId orgId, @Valid @RequestBody ScanSettingsBody body) {
        return ScanSettingsBody.of(administration.updateSettings(actor, orgId, body.settings()));
    }
}
