package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.Capabilities;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.identity.ApiToken;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.Passwords;
import org.opencps.identity.Pins;
import org.opencps.identity.SessionLogin;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
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

@Tag(name = "Me", description = "The logged-in person: profile, organizations, password, PIN, API tokens")
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final Users users;
    private final Passwords passwords;
    private final Pins pins;
    private final ApiTokens tokens;
    private final Capabilities capabilities;
    private final Roles roles;
    private final SessionLogin sessions;

    MeController(Users users, Passwords passwords, Pins pins, ApiTokens tokens, Capabilities capabilities, Roles roles,
                 SessionLogin sessions) {
        this.users = users;
        this.passwords = passwords;
        this.pins = pins;
        this.tokens = tokens;
        this.capabilities = capabilities;
        this.roles = roles;
        this.sessions = sessions;
    }

    record Profile(UUID id, String email, String displayName, OrgId organizationId, Set<RoleRef> roles,
                   Set<Permission> permissions) {
    }

    record ChangePassword(@NotNull @Size(max = 1024) String currentPassword, @NotNull @Size(max = 1024) String newPassword) {
    }

    record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) int lifetimeDays) {
    }

    @GetMapping
    Profile me(Actor actor) {
        var user = users.me(actor);
        Set<RoleRef> held = actor.orgId() == null ? Set.of() : roles.rolesOf(actor.orgId(), actor.userId());
        return new Profile(user.id().value(), user.email(), user.displayName(), actor.orgId(), held,
                capabilities.of(actor, actor.orgId()));
    }

    @GetMapping("/organizations")
    List<Users.Membership> organizations(Actor actor) {
        return users.myOrganizations(actor);
    }

    @Operation(summary = "Change the password; every other session of this person ends")
    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Actor actor, @Valid @RequestBody ChangePassword body, HttpServletRequest request) {
        passwords.change(actor.userId(), body.currentPassword(), body.newPassword());
        sessions.logoutOthers(request, actor.userId());
    }

    @GetMapping("/pin")
    Pins.IssuedPin pin(Actor actor) {
        return pins.myPin(actor);
    }

    @Operation(summary = "Get a new PIN (at most once every 7 days)")
    @PostMapping("/pin/regenerate")
    Pins.IssuedPin regeneratePin(Actor actor) {
        return pins.regenerate(actor);
    }

    @GetMapping("/tokens")
    List<ApiToken> tokens(Actor actor) {
        return tokens.mine(actor);
    }

    @Operation(summary = "Create a personal API token; its secret is in this response only")
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.CreatedToken createToken(Actor actor, @Valid @RequestBody NewToken body) {
        return tokens.create(actor, body.name(), body.lifetimeDays());
    }

    @DeleteMapping("/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(Actor actor, @PathVariable UUID tokenId) {
        tokens.revoke(actor, tokenId);
    }
}
