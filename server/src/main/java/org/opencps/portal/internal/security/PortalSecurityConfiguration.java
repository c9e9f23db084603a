package org.opencps.portal.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.security.ClientAddressRule;
import org.opencps.platform.security.FilterChains;
import org.opencps.platform.security.OrganizationNetworkFilter;
import org.opencps.platform.security.ProblemWriter;
import org.opencps.platform.security.SessionTimeoutFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web portal's chain: every route that is not the API's or IPP's. Login sessions only (no
 * bearer tokens), a CSRF token on every form and htmx request (in the session once logged in, in a
 * cookie before: see {@link PortalCsrfTokens}; a visit without login creates no session), the same strict
 * Content-Security-Policy as the API, and a redirect to the login page instead of a 401.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    /** Pages that work without a login: logging in, the links sent by e-mail, assets and error pages. */
    static final String[] PUBLIC_PAGES = {
            "/login", "/password-reset", "/reset-password", "/verify-email", "/invitations/*", "/setup",
            "/cookies/consent", "/assets/**", "/webjars/**", "/favicon.ico", "/error",
            // reports-schedules: the links mailed to report recipients, who have no login
            "/report-recipients/confirm/*", "/report-recipients/unsubscribe/*",
            // sso-oidc: the way to an organization's identity provider and back
            "/login/sso", "/sso/oidc/start/*", "/sso/oidc/callback/*",
            // saml: the sign-in link, the assertion consumer service the IdP posts to, and the IdP's single logout
            "/sso/saml/start/*", "/sso/saml/acs/*", "/sso/saml/slo/*",
            // sso-logout: where the OpenID Connect provider sends the browser back after its logout
            "/sso/oidc/signed-out/*",
            // second-factor: the second step of a sign-in, reached with a pending sign-in only
            "/login/second-factor",
            // passkeys: signing in with a passkey, and a passkey as the second step of a pending sign-in
            "/login/passkey", "/login/passkey/options", "/login/second-factor/passkey", "/login/second-factor/passkey/options"
    };

    @Bean
    @Order(2)
    SecurityFilterChain portalFilterChain(HttpSecurity http, SecurityContextRepository contexts, PortalCsrfTokens csrfTokens,
                                          ClientAddressRule addressRule, ProblemWriter problems, Clock clock,
                                          OpenCpsProperties properties, ClientRegistrationRepository ssoRegistrations,
                                          SsoAuthorizationRequests ssoRequests, SsoSignInCompletion ssoCompletion) throws Exception {
        http
                .securityMatcher(portalRoutes())
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // saml: the IdP's cross-site POST carries no token; the signed response answering OpenCPS's own request does
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sso/saml/acs/*")))
                .addFilterBefore(new SessionTimeoutFilter(clock, properties.security().absoluteSessionTimeout()),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new OrganizationNetworkFilter(addressRule, problems), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.OPTIONS, "/**").denyAll()
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new PortalLoginEntryPoint())
                        // a missing or stale CSRF token: the error page says to reload and try again
                        .accessDeniedHandler((request, response, denied) -> response.sendError(403)))
                .headers(FilterChains::strictHeaders)
                .oauth2Login(sso -> sso
                        .loginPage(PortalLoginEntryPoint.LOGIN_PAGE)
                        .clientRegistrationRepository(ssoRegistrations)
                        .authorizationEndpoint(start -> start.baseUri("/sso/oidc/start")
                                .authorizationRequestRepository(ssoRequests)
                                .authorizationRequestResolver(withPkce(ssoRegistrations)))
                        .redirectionEndpoint(callback -> callback.baseUri("/sso/oidc/callback/*"))
                        .authorizedClientRepository(new NothingKept())
                        .successHandler(ssoCompletion)
                        .failureHandler(ssoCompletion))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { });
        return http.build();
    }

    /** PKCE (S256) on every sign-in, as OAuth 2.0 Security BCP asks even of confidential clients. */
    private static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/sso/oidc/start");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** Sign-in needs no access token afterwards: nothing of the provider's answer is kept (no session, no memory). */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                          HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
        }
    }

    private static RequestMatcher portalRoutes() {
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] notPortal = new RequestMatcher[FilterChains.API_ROUTES.size() + 1];
        for (int i = 0; i < FilterChains.API_ROUTES.size(); i++) {
            notPortal[i] = paths.matcher(FilterChains.API_ROUTES.get(i));
        }
        notPortal[notPortal.length - 1] = paths.matcher("/ipp/**");
        return new NegatedRequestMatcher(new OrRequestMatcher(notPortal));
    }
}
