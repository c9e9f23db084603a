package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.opencps.identity.Passkeys;
import org.opencps.identity.Passkeys.Purpose;
import org.opencps.identity.SessionLogin;
import org.opencps.identity.Users;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.portal.internal.web.JsonAnswers;
import org.opencps.portal.internal.web.LocalPaths;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.tenancy.Organizations;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Passkeys at sign-in, called by the pages' script (JSON both ways): signing in with a passkey instead of the
 * password (then the tenant selector as after a password), a passkey as the second step of a pending sign-in, and
 * as the step-up check. Each first asks for options (a fresh challenge, kept in the session) and then sends the
 * browser's answer; the answer says where to go next, or the refusal in the reader's language.
 */
@Controller
class PasskeySignIn {

    static final String SIGN_IN = "/login/passkey";
    static final String SECOND_STEP = SecondFactorPage.PATH + "/passkey";
    static final String STEP_UP = StepUpPage.PATH + "/passkey";

    private final Passkeys passkeys;
    private final SessionLogin sessions;
    private final Users users;
    private final Organizations organizations;
    private final MessageSource messages;

    PasskeySignIn(Passkeys passkeys, SessionLogin sessions, Users users, Organizations organizations, MessageSource messages) {
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.users = users;
        this.organizations = organizations;
        this.messages = messages;
    }

    @PostMapping(path = SIGN_IN + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String signInOptions(HttpServletRequest request) {
        return passkeys.requestOptions(request, Purpose.SIGN_IN, null);
    }

    @PostMapping(path = SIGN_IN, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> signIn(@RequestBody String assertion, @RequestParam(name = "continue", required = false) String next,
                                               HttpServletRequest request, HttpServletResponse response, Locale locale) {
        try {
            var user = passkeys.signIn(request, assertion);
            var actor = new Actor(user.id(), null);
            var memberships = users.myOrganizations(actor);
            OrgId selected = memberships.size() == 1 ? memberships.getFirst().orgId() : null;
            sessions.establishWithSecondFactor(request, response, actor.inOrganization(selected),
                    selected == null ? null : organizations.idleTimeout(selected));
            return JsonAnswers.goTo(target(request, selected != null, next));
        } catch (InvalidInputException | TooManyRequestsException e) {
            return JsonAnswers.refused(HttpStatus.UNAUTHORIZED, ProblemTexts.of(e, request), null);
        } catch (AddressNotAllowedException e) {
            return JsonAnswers.refused(HttpStatus.FORBIDDEN,
                    messages.getMessage("login.refused.network", new Object[] {request.getRemoteAddr()}, locale), null);
        }
    }

    @PostMapping(path = SECOND_STEP + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> secondStepOptions(HttpServletRequest request) {
        return sessions.pendingUser(request)
                .map(user -> ResponseEntity.ok(passkeys.requestOptions(request, Purpose.SECOND_FACTOR, user)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("{}"));
    }

    @PostMapping(path = SECOND_STEP, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> secondStep(@RequestBody String assertion, @RequestParam(name = "continue", required = false) String next,
                                                   HttpServletRequest request, HttpServletResponse response, Locale locale) {
        try {
            var step = sessions.completeSecondFactor(request, response,
                    user -> passkeys.check(request, Purpose.SECOND_FACTOR, user, assertion));
            if (step.accepted()) {
                return JsonAnswers.goTo(target(request, step.signedIn().orgId() != null, next));
            }
            return JsonAnswers.refused(HttpStatus.UNAUTHORIZED, notAccepted(locale), null);
        } catch (UnauthenticatedException e) {
            return JsonAnswers.refused(HttpStatus.UNAUTHORIZED, notAccepted(locale), request.getContextPath() + "/login");
        } catch (AddressNotAllowedException e) {
            return JsonAnswers.refused(HttpStatus.FORBIDDEN,
                    messages.getMessage("login.refused.network", new Object[] {request.getRemoteAddr()}, locale), null);
        }
    }

    @PostMapping(path = STEP_UP + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    String stepUpOptions(Actor actor, HttpServletRequest request) {
        return passkeys.requestOptions(request, Purpose.STEP_UP, actor.userId());
    }

    @PostMapping(path = STEP_UP, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> stepUp(Actor actor, @RequestBody String assertion,
                                               @RequestParam(name = "continue", required = false) String next,
                                               HttpServletRequest request, Locale locale) {
        var check = sessions.confirmSecondFactor(request, actor.userId(),
                () -> passkeys.check(request, Purpose.STEP_UP, actor.userId(), assertion));
        return check.accepted() ? JsonAnswers.goTo(request.getContextPath() + LocalPaths.orDefault(next, "/account"))
                : JsonAnswers.refused(HttpStatus.UNAUTHORIZED, notAccepted(locale), null);
    }

    private String notAccepted(Locale locale) {
        return messages.getMessage("problem.passkey.notAccepted", null, locale);
    }

    private static String target(HttpServletRequest request, boolean organizationChosen, String next) {
        String target = LocalPaths.orDefault(next, "/");
        return request.getContextPath() + (organizationChosen ? target
                : "/organizations/select?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }
}
