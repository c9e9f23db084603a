package org.opencps.access.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.CustomRole;
import org.opencps.access.Permission;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Roles", description = "Custom roles built from granular permissions")
@RestController
class CustomRolesController {

    private final Roles roles;

    CustomRolesController(Roles roles) {
        this.roles = roles;
    }

    record NewRole(@NotBlank @Size(max = 100) String name, @NotNull @Size(min = 1, max = 50) Set<Permission> permissions) {
    }

    record PermissionInfo(Permission permission, Permission.Group group, boolean allowedInCustomRole) {
    }

    @Operation(summary = "The granular permissions, grouped as the portal shows them")
    @GetMapping("/api/v1/permissions")
    List<PermissionInfo> permissions() {
        return Arrays.stream(Permission.values())
                .map(p -> new PermissionInfo(p, p.group(), p.allowedInCustomRole()))
                .toList();
    }

    @GetMapping("/api/v1/organizations/{orgId}/roles")
    List<CustomRole> list(Actor actor, @PathVariable OrgId orgId) {
        return roles.customRoles(actor, orgId);
    }

    @Operation(summary = "Create a custom role; it can never carry more than the creator holds")
    @PostMapping("/api/v1/organizations/{orgId}/roles")
    @ResponseStatus(HttpStatus.CREATED)
    CustomRole create(Actor actor, @PathVariable OrgId orgId, @Valid @RequestBody NewRole body) {
        return roles.createCustomRole(actor, orgId, body.name(), body.permissions());
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/roles/{roleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID roleId) {
        roles.deleteCustomRole(actor, orgId, roleId);
    }
}
