package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{id}")
@Tag(name = "Offboarding", description = "Discontinue, reactivate and permanently delete organizations")
class OffboardingController {

    private final Organizations organizations;

    OffboardingController(Organizations organizations) {
        this.organizations = organizations;
    }

    record PurgeOrganizationRequest(@NotNull String confirmName) {
    }

    @PostMapping("/discontinue")
    @Operation(summary = "Discontinue an organization: read-only and unusable, purged after the retention period (90 days)")
    OrganizationResponse discontinue(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return OrganizationResponse.of(organizations.discontinue(actor, id));
    }

    @PostMapping("/reactivate")
    @Operation(summary = "Bring a discontinued organization back before it is purged")
    OrganizationResponse reactivate(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return OrganizationResponse.of(organizations.reactivate(actor, id));
    }

    @PostMapping("/purge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an organization and all its data for good, now; confirmName repeats its name")
    void purge(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id,
               @Valid @RequestBody PurgeOrganizationRequest request) {
        organizations.purgeNow(actor, id, request.confirmName());
    }
}
