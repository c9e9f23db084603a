package org.opencps.scanning.cloud.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.cloud.CloudAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Cloud accounts")
@RestController
@RequestMapping("/api/v1/organizations/{id}/cloud-clients/{provider}")
class OrganizationCloudClientsController {

    private final CloudAccounts accounts;

    OrganizationCloudClientsController(CloudAccounts accounts) {
        this.accounts = accounts;
    }

    record Client(@NotBlank @Size(max = 500) String clientId, @NotBlank @Size(max = 1000) String clientSecret) {
    }

    @Operation(summary = "The organization's own OAuth client at google, microsoft or box (the secret is kept encrypted and never shown)")
    @PutMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void configure(Actor actor, @PathVariable UUID id, @PathVariable String provider, @Valid @RequestBody Client body) {
        accounts.configureClient(actor, new OrgId(id), provider, body.clientId(), body.clientSecret());
    }

    @Operation(summary = "Back to the deployment's OAuth client")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable UUID id, @PathVariable String provider) {
        accounts.removeClient(actor, new OrgId(id), provider);
    }
}
