package org.opencps.scanning.cloud.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.cloud.CloudAccounts;
import org.opencps.scanning.cloud.CloudService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Cloud accounts", description = "The caller's linked cloud storage accounts (Google Drive, OneDrive, SharePoint, Box)")
@RestController
@RequestMapping("/api/v1/me/cloud-accounts")
class CloudAccountsController {

    private final CloudAccounts accounts;

    CloudAccountsController(CloudAccounts accounts) {
        this.accounts = accounts;
    }

    record Authorization(String authorizationUrl) {
    }

    record Drive(@NotBlank @Size(max = 200) String driveId) {
    }

    @GetMapping
    List<CloudAccounts.LinkedAccount> mine(Actor actor) {
        return accounts.mine(actor);
    }

    @Operation(summary = "Begin linking: send the person's browser to the answered URL; the provider sends it back to /cloud-accounts/callback")
    @PostMapping("/{service}/link")
    Authorization link(Actor actor, @PathVariable String service) {
        return new Authorization(accounts.beginLink(actor, service(service)).toString());
    }

    @Operation(summary = "Unlink: the tokens are forgotten here and revoked at the provider where it can")
    @DeleteMapping("/{service}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(Actor actor, @PathVariable String service) {
        accounts.unlink(actor, service(service));
    }

    @Operation(summary = "Choose the SharePoint site drive (a Microsoft Graph drive id) scans go to")
    @PutMapping("/sharepoint/drive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void drive(Actor actor, @Valid @RequestBody Drive body) {
        accounts.chooseSharePointDrive(actor, body.driveId());
    }

    static CloudService service(String name) {
        try {
            return CloudService.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException("cloud service");
        }
    }
}
