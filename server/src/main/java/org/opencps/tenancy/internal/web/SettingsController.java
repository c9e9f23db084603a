package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.DeviceLoginMethod;
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
@Tag(name = "Organization settings", description = "Idle logout, job retention, IP allow-list, the ways to log in at printers, the time zone and the default language")
class SettingsController {

    private final Organizations organizations;

    SettingsController(Organizations organizations) {
        this.organizations = organizations;
    }

    /** All settings at once (PUT replaces them; an omitted list takes its default); the rules are checked by the face. */
    record OrganizationSettingsBody(
            @NotNull Integer idleLogoutMinutes,
            @NotNull Integer jobRetentionHours,
            @Schema(description = "networks (CIDR, IPv4 or IPv6, or single addresses) the organization accepts requests from; "
                    + "empty or omitted: every address", example = "[\"192.0.2.0/24\", \"2001:db8::/32\"]")
            List<String> ipAllowList,
            @Schema(description = "how people may log in at printers; omitted: all of PIN, CARD and PASSWORD")
            Set<DeviceLoginMethod> deviceLoginMethods,
            @Schema(description = "IANA time zone whose days, weeks and months the reports count in; omitted: UTC",
                    example = "Europe/Berlin")
            String timeZone,
            @Schema(description = "language of pages and e-mails for people who chose none and whose browser asks for none "
                    + "OpenCPS speaks: en, de or ja; omitted: en", example = "de")
            String defaultLanguage) {

        OrganizationSettings toSettings() {
            return new OrganizationSettings(idleLogoutMinutes, jobRetentionHours, ipAllowList, deviceLoginMethods, timeZone,
                    defaultLanguage);
        }

        static OrganizationSettingsBody of(OrganizationSettings s) {
            return new OrganizationSettingsBody(s.idleLogoutMinutes(), s.jobRetentionHours(), s.ipAllowList(),
                    s.deviceLoginMethods(), s.timeZone(), s.defaultLanguage());
        }
    }

    @GetMapping
    @Operation(summary = "The organization's settings")
    OrganizationSettingsBody settings(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return OrganizationSettingsBody.of(organizations.settings(actor, id));
    }

    @PutMapping
    @Operation(summary = "Replace the organization's settings (idle logout 1-1440 min, retention 1-720 h; "
            + "an IP allow-list must include the caller's own address)")
    OrganizationSettingsBody update(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id,
                                    @Valid @RequestBody OrganizationSettingsBody body, HttpServletRequest request) {
        return OrganizationSettingsBody.of(organizations.updateSettings(actor, id, body.toSettings(), request.getRemoteAddr()));
    }
}
