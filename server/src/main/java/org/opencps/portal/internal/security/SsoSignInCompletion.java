package org.opencps.portal.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.opencps.identity.OidcSignedIn;
import org.opencps.identity.SessionLogin;
import org.opencps.identity.SsoOutcome;
import org.opencps.identity.SsoSignIns;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.tenancy.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The end of a sign-in through an identity provider, once Spring checked the provider's answer (state, PKCE,
 * ID token, nonce): identity signs the person in ({@link SsoSignIns}), and the login session starts as after a
 * password login, with the tenant selector when the person has several organizations. A refusal goes back to the
 * login page, which says why; the provider's own error text is logged, never shown.
 */
@Component
class SsoSignInCompletion implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SsoSignInCompletion.class);

    private final SsoSignIns signIns;
    private final Users users;
    private final Organizations organizations;
    private final SessionLogin sessions;

    SsoSignInCompletion(SsoSignIns signIns, Users users, Organizations organizations, SessionLogin sessions) {
        this.signIns = signIns;
        this.users = users;
        this.organizations = organizations;
        this.sessions = sessions;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SecurityContextHolder.clearContext();
        if (!(authentication.getPrincipal() instanceof OidcSignedIn signedIn)) {
            response.sendRedirect(request.getContextPath() + "/login?sso=failed");
            return;
        }
        complete(request, response, signIns.signIn(signedIn, request.getRemoteAddr()));
    }

    /** After any protocol's checks: the login session, or back to the login page with the reason of the refusal. */
    void complete(HttpServletRequest request, HttpServletResponse response, SsoOutcome outcome) throws IOException {
        if (outcome instanceof SsoOutcome.Refused refused) {
            response.sendRedirect(request.getContextPath() + "/login?sso=" + refused.reason().name().toLowerCase(Locale.ROOT));
            return;
        }
        var success = (SsoOutcome.Success) outcome;
        var actor = new Actor(success.user().id(), null);
        var memberships = users.myOrganizations(actor);
        OrgId selected = memberships.size() == 1 ? memberships.getFirst().orgId() : null;
        SessionLogin.Step step;
        try {
            step = sessions.establish(request, response, actor.inOrganization(selected),
                    selected == null ? null : organizations.idleTimeout(selected), success.secondFactorByProvider(),
                    success.providerSession());
        } catch (AddressNotAllowedException e) {
            response.sendRedirect(request.getContextPath() + "/login?ended=network");
            return;
        }
        if (step == SessionLogin.Step.SECOND_FACTOR_NEEDED) {
            response.sendRedirect(request.getContextPath() + "/login/second-factor");
            return;
        }
        if (step == SessionLogin.Step.ENROLMENT_DUE) {
            response.sendRedirect(request.getContextPath() + "/account/second-factor?due");
            return;
        }
        response.sendRedirect(request.getContextPath() + (selected != null ? "/" : "/organizations/select"));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = "failed";
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            if (code.startsWith("opencps_")) {
                reason = code.substring("opencps_".length());
            }
            log.info("A sign-in through an identity provider failed from {}: {} {}", request.getRemoteAddr(), code,
                    oauth.getError().getDescription());
        }
        response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
    }
}
