package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opencps.identity.LoginOutcome;
import org.opencps.identity.PasswordLogins;
import org.opencps.identity.SessionLogin;
import org.opencps.identity.SsoSignIns;
import org.opencps.identity.SsoSignOuts;
import org.opencps.identity.Users;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.portal.internal.web.LocalPaths;
import org.opencps.portal.internal.web.PageContext;
import org.opencps.portal.internal.web.ProblemTexts;
import org.opencps.tenancy.Organizations;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Logging in and out with e-mail and password, through the same face and session handling as
 * the API's login. With one organization it is selected at once; with several the tenant
 * selector comes next. A failed login says no more than the API does. A person whose only
 * organization does not accept their address (its IP allow-list) is not logged in, and told why.
 */
@Controller
class LoginPage {

    private final PasswordLogins logins;
    private final Users users;
    private final Organizations organizations;
    private final SessionLogin sessions;
    private final MessageSource messages;
    private final SsoSignIns sso;
    private final SsoSignOuts signOuts;

    LoginPage(PasswordLogins logins, Users users, Organizations organizations, SessionLogin sessions, MessageSource messages,
              SsoSignIns sso, SsoSignOuts signOuts) {
        this.sso = sso;
        this.signOuts = signOuts;
        this.logins = logins;
        this.users = users;
        this.organizations = organizations;
        this.sessions = sessions;
        this.messages = messages;
    }

    @GetMapping("/login")
    String form(@ModelAttribute("page") PageContext page, @RequestParam(name = "continue", required = false) String next,
                @RequestParam(required = false) String ended, @RequestParam(required = false) String done,
                @RequestParam(name = "sso", required = false) String ssoFailure, Model model) {
        if (page.loggedIn()) {
            return "redirect:" + LocalPaths.orDefault(next, "/");
        }
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        model.addAttribute("ended", "idle".equals(ended) || "age".equals(ended) || "network".equals(ended) || "enrol".equals(ended) ? ended : null);
        model.addAttribute("done", done == null ? null : switch (done) {
            case "logout", "logout_provider_open", "reset", "verified", "setup" -> done;
            default -> null;
        });
        model.addAttribute("ssoFailure", ssoFailure == null ? null : switch (ssoFailure) {
            case "email_not_verified", "domain_not_allowed", "account_not_linked", "invalid_assertion", "unavailable",
                 "not_this_browser" -> ssoFailure;
            default -> "failed";
        });
        return "auth/login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                 @RequestParam(name = "continue", required = false) String next, HttpServletRequest request,
                 HttpServletResponse response, Locale locale, Model model) {
        if (password.isEmpty()) {
            var signIn = sso.signInPathFor(email);
            if (signIn.isPresent()) {
                return continueTo(signIn.get(), model);
            }
        }
        String failure;
        int status = HttpServletResponse.SC_UNAUTHORIZED;
        try {
            var outcome = logins.login(email, password, request.getRemoteAddr());
            if (outcome instanceof LoginOutcome.Success success) {
                var actor = new Actor(success.user().id(), null);
                var memberships = users.myOrganizations(actor);
                OrgId selected = memberships.size() == 1 ? memberships.getFirst().orgId() : null;
                var step = sessions.establish(request, response, actor.inOrganization(selected),
                        selected == null ? null : organizations.idleTimeout(selected));
                String target = LocalPaths.orDefault(next, "/");
                if (step == SessionLogin.Step.SECOND_FACTOR_NEEDED) {
                    return "redirect:" + SecondFactorPage.PATH + "?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
                }
                if (step == SessionLogin.Step.ENROLMENT_DUE) {
                    return "redirect:" + SecondFactorPage.ENROL_SOON;
                }
                return selected != null ? "redirect:" + target
                        : "redirect:/organizations/select?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            }
            failure = ProblemTexts.of(((LoginOutcome.Failure) outcome).refusal(), request);
        } catch (InvalidInputException | TooManyRequestsException e) {
            failure = ProblemTexts.of(e);
        } catch (AddressNotAllowedException e) {
            failure = messages.getMessage("login.refused.network", new Object[] {request.getRemoteAddr()}, locale);
            status = HttpServletResponse.SC_FORBIDDEN;
        }
        response.setStatus(status);
        model.addAttribute("failure", failure);
        model.addAttribute("email", email.length() > 254 ? "" : email);
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        return "auth/login";
    }

    /**
     * Home realm discovery: the e-mail address decides. Its domain belongs to an organization with an identity
     * provider: off to that provider. Otherwise the password form again, saying there is no single sign-on here.
     */
    @PostMapping("/login/sso")
    String singleSignOn(@RequestParam(defaultValue = "") String email, @RequestParam(name = "continue", required = false) String next,
                        HttpServletResponse response, Model model) {
        var signIn = sso.signInPathFor(email);
        if (signIn.isPresent()) {
            return continueTo(signIn.get(), model);
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("ssoFailure", "none");
        model.addAttribute("email", email.length() > 254 ? "" : email);
        model.addAttribute("next", LocalPaths.orDefault(next, null));
        return "auth/login";
    }

    /**
     * On to the organization's sign-in link, which redirects to its identity provider. Not by a redirect: the login
     * form's Content-Security-Policy (form-action 'self') makes browsers refuse a form submission whose redirects end
     * at another origin, so the browser leaves by a refresh of this page (and a link, should it not follow it).
     */
    private static String continueTo(String signInPath, Model model) {
        model.addAttribute("target", signInPath);
        return "auth/sso-continue";
    }

    /**
     * Ends the session, always first. A person who signed in through their organization's identity provider then goes
     * on to sign out there (a page that sends the browser on: the portal's form-action policy keeps a form's redirect
     * on OpenCPS); when the provider has no logout, the login page says its session may still be open. An idle
     * logout stays local.
     */
    @PostMapping("/logout")
    String logout(@ModelAttribute("page") PageContext page, @RequestParam(required = false) String reason,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        var providerSession = sessions.logout(request);
        if ("idle".equals(reason)) {
            return "redirect:/login?ended=idle";
        }
        if (providerSession.isEmpty()) {
            return "redirect:/login?done=logout";
        }
        var atProvider = signOuts.atProvider(providerSession.get());
        if (atProvider.isEmpty()) {
            return "redirect:/login?done=logout_provider_open";
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("page", page.asVisitor());
        model.addAttribute("location", atProvider.get());
        return "auth/signing-out";
    }
}
