package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.opencps.identity.Invitation;
import org.opencps.identity.Invitations;
import org.opencps.identity.SessionLogin;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invitations", description = "Inviting people with roles; accepting by the e-mailed link")
@RestController
class InvitationsController {

    private final Invitations invitations;
    private final Organizations organizations;
    private final SessionLogin sessions;

    InvitationsController(Invitations invitations, Organizations organizations, SessionLogin sessions) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.sessions = sessions;
    }

    record Invite(@NotBlank @Size(max = 254) String email, @NotNull @Size(min = 1, max = 20) List<String> roles) {
    }

    record Accept(@Size(max = 200) String displayName, @NotNull @Size(max = 1024) String password) {
    }

    @Operation(summary = "Invite a person by e-mail with roles; the link works once and for 7 days")
    @PostMapping("/api/v1/organizations/{orgId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Invitation invite(Actor actor, @PathVariable OrgId orgId, @Valid @RequestBody Invite body) {
        return invitations.invite(actor, orgId, body.email(), MembersController.parseRoles(body.roles()));
    }

    @GetMapping("/api/v1/organizations/{orgId}/invitations")
    List<Invitation> list(Actor actor, @PathVariable OrgId orgId) {
        return invitations.list(actor, orgId);
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable OrgId orgId, @PathVariable UUID invitationId) {
        invitations.revoke(actor, orgId, invitationId);
    }

    @Operation(summary = "What an invitation link offers (no login needed)")
    @GetMapping("/api/v1/invitations/{token}")
    Invitations.Preview preview(@PathVariable String token) {
        return invitations.preview(token);
    }

    @Operation(summary = "Accept an invitation: new people choose a name and password, existing ones give theirs")
    @PostMapping("/api/v1/invitations/{token}/accept")
    Invitations.Accepted accept(@PathVariable String token, @Valid @RequestBody Accept body,
                                HttpServletRequest request, HttpServletResponse response) {
        var accepted = invitations.accept(token, new Invitations.Acceptance(body.displayName(), body.password()),
                request.getRemoteAddr());
        sessions.establish(request, response, new Actor(accepted.userId(), accepted.orgId()),
                organizations.idleTimeout(accepted.orgId()));
        return accepted;
    }
}
