package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
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
}
