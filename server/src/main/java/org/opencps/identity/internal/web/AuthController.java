package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencps.identity.LoginOutcome;
import org.opencps.identity.PasswordLogins;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.SessionLogin;
import org.opencps.identity.Users;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Login", description = "Password login, the tenant selector and logout")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final PasswordLogins logins;
    private final Users users;
    private final Organizations organizations;
    private final SessionLogin sessions;

    AuthController(PasswordLogins logins, Users users, Organizations organizations, SessionLogin sessions) {
        this.logins = logins;
        this.users = users;
        this.organizations = organizations;
        this.sessions = sessions;
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {
    }

    /**
     * With {@code secondFactorRequired}, nothing else is told yet: the code goes to {@code /api/v1/auth/second-factor}
     * (first {@code /api/v1/auth/second-factor/enrolment} when {@code secondFactorEnrolmentRequired}: the person's
     * organization requires a second factor and they have none). {@code secondFactorEnrolBy}: signed in, but an
     * organization of theirs requires a second factor by then; {@code recoveryCodes}: shown once, after an enrolment.
     */
    record LoginResponse(UUID userId, String email, String displayName, OrgId organizationId,
                         List<Users.Membership> organizations, boolean secondFactorRequired,
                         boolean secondFactorEnrolmentRequired, Instant secondFactorEnrolBy, List<String> recoveryCodes) {

        static LoginResponse secondFactorRequired(boolean enrolment) {
            return new LoginResponse(null, null, null, null, List.of(), true, enrolment, null, List.of());
        }
    }

    record SecondFactorCode(@NotBlank @Size(max = 64) String code) {
    }

    record SelectOrganization(@NotNull UUID organizationId) {
    }

    @Operation(summary = "Log in with e-mail and password; with exactly one organization it is selected at once")
    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        var outcome = logins.login(body.email(), body.password(), request.getRemoteAddr());
        if (outcome instanceof LoginOutcome.Failure failure) {
            throw failure.refusal();
        }
        var user = ((LoginOutcome.Success) outcome).user();
        var actor = new Actor(user.id(), null);
        var memberships = users.myOrganizations(actor);
        OrgId selected = memberships.size() == 1 ? memberships.getFirst().orgId() : null;
        var step = sessions.establish(request, response, actor.inOrganization(selected),
                selected == null ? null : organizations.idleTimeout(selected));
        if (step == SessionLogin.Step.SECOND_FACTOR_NEEDED) {
            return LoginResponse.secondFactorRequired(sessions.enrolmentPending(request));
        }
        return new LoginResponse(user.id().value(), user.email(), user.displayName(), selected, memberships, false, false,
                sessions.enrolBy(request), List.of());
    }

    @Operation(summary = "In a login waiting for the enrolment its organization requires: the authenticator app to set up "
            + "(its secret, as text and as the otpauth address); confirm it with its code at /api/v1/auth/second-factor")
    @PostMapping("/second-factor/enrolment")
    SecondFactors.TotpEnrolment enrolment(HttpServletRequest request) {
        return sessions.pendingEnrolment(request).orElseThrow(() -> new ConflictException("enrolment",
                "problem.secondFactor.alreadySetUp", "an authenticator app is already set up; send its code"));
    }

    @Operation(summary = "The second step of a login: the code of the person's authenticator app, or a recovery code")
    @PostMapping("/second-factor")
    LoginResponse secondFactor(@Valid @RequestBody SecondFactorCode body, HttpServletRequest request, HttpServletResponse response) {
        var step = sessions.completeSecondFactor(request, response, body.code());
        if (!step.accepted()) {
            throw step.refusal();
        }
        var actor = step.signedIn();
        var me = users.me(actor);
        return new LoginResponse(actor.userId().value(), me.email(), me.displayName(), actor.orgId(),
                users.myOrganizations(actor.inOrganization(null)), false, false, null, step.recoveryCodes());
    }

    @Operation(summary = "Step-up: confirm the second factor in this login session, for sensitive actions in the next 10 minutes")
    @PostMapping("/step-up")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void stepUp(Actor actor, @Valid @RequestBody SecondFactorCode body, HttpServletRequest request) {
        var check = sessions.confirmSecondFactor(request, actor.userId(), body.code());
        if (!check.accepted()) {
            throw check.refusal();
        }
    }

    @Operation(summary = "Pick the organization to work in (tenant selector)")
    @PostMapping("/organization")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void selectOrganization(Actor actor, @Valid @RequestBody SelectOrganization body,
                            HttpServletRequest request, HttpServletResponse response) {
        OrgId org = new OrgId(body.organizationId());
        if (!users.isMember(org, actor.userId())) {
            throw new NotFoundException("organization");
        }
        sessions.switchOrganization(request, response, actor, org, organizations.idleTimeout(org));
    }

    @Operation(summary = "End this session")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(HttpServletRequest request) {
        sessions.logout(request);
    }

    @Operation(summary = "End every session of the logged-in person, on every device")
    @PostMapping("/logout-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logoutEverywhere(Actor actor, HttpServletRequest request) {
        sessions.logoutEverywhereAsked(request, actor);
    }
}
