package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{id}/settings")
@Tag(name = "Organization settings", description = "Idle logout, retention and the policies of an organization")
class SettingsController {

    private final Organizations organizations;

    SettingsController(Organizations organizations) {
        this.organizations = organizations;
    }

    /** All settings at once (PUT replaces them); the ranges are checked by the face. */
    record OrganizationSettingsBody(@NotNull Integer idleLogoutMinutes, @NotNull Integer jobRetentionHours,
                        @NotNull Integer scanRetentionHours, String printPolicy, String allowedScanDestinations,
                        String ipAllowList, String authenticationMethods, String ssoConfiguration) {

        OrganizationSettings toSettings() {
            return new OrganizationSettings(idleLogoutMinutes, jobRetentionHours, scanRetentionHours, printPolicy,
                    allowedScanDestinations, ipAllowList, authenticationMethods, ssoConfiguration);
        }

        static OrganizationSettingsBody of(OrganizationSettings s) {
            return new OrganizationSettingsBody(s.idleLogoutMinutes(), s.jobRetentionHours(), s.scanRetentionHours(),
                    s.printPolicy(), s.allowedScanDestinations(), s.ipAllowList(), s.authenticationMethods(), s.ssoConfiguration());
        }
    }

    @GetMapping
    @Operation(summary = "The organization's settings")
    OrganizationSettingsBody settings(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return OrganizationSettingsBody.of(organizations.settings(actor, id));
    }

    @PutMapping
    @Operation(summary = "Replace the organization's settings (idle logout 1-1440 min, retention 1-720 h)")
    OrganizationSettingsBody update(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id,
                        @Valid @RequestBody OrganizationSettingsBody body) {
        return OrganizationSettingsBody.of(organizations.updateSettings(actor, id, body.toSettings()));
    }
}
