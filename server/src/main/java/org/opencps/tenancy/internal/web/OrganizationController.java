package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.NewOrganization;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{id}")
@Tag(name = "Organizations", description = "The organization tree: providers and their customers")
class OrganizationController {

    private final Organizations organizations;

    OrganizationController(Organizations organizations) {
        this.organizations = organizations;
    }

    record NewOrganizationRequest(@NotNull OrgKind kind, @NotNull String name, @Valid LicenseBody license) {
    }

    record RenameOrganizationRequest(@NotNull String name) {
    }

    @GetMapping
    @Operation(summary = "An organization: your own, or one directly below your provider")
    OrganizationResponse get(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return OrganizationResponse.of(organizations.get(actor, id));
    }

    @PatchMapping
    @Operation(summary = "Rename an organization directly below your provider")
    OrganizationResponse rename(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id,
                                @Valid @RequestBody RenameOrganizationRequest request) {
        return OrganizationResponse.of(organizations.rename(actor, id, request.name()));
    }

    @GetMapping("/children")
    @Operation(summary = "The organizations directly below a provider, by name")
    List<OrganizationResponse> children(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return organizations.children(actor, id).stream().map(OrganizationResponse::of).toList();
    }

    @PostMapping("/children")
    @Operation(summary = "Create a provider or a customer (with its license) directly below a provider")
    ResponseEntity<OrganizationResponse> create(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id,
                                                @Valid @RequestBody NewOrganizationRequest request) {
        Organization created = organizations.create(actor, id, new NewOrganization(request.kind(), request.name(),
                request.license() == null ? null : request.license().toLicense()));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(OrganizationResponse.of(created));
    }

    @GetMapping("/tree")
    @Operation(summary = "The whole tree (root provider only): providers with customer counts, the root's customers")
    OrganizationTreeResponse tree(@Parameter(hidden = true) Actor actor, @PathVariable OrgId id) {
        return OrganizationTreeResponse.of(organizations.tree(actor, id));
    }
}
