package org.opencps.portal.internal.security;

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
            "/report-recipients/confirm/*", "/report-recipients/unsubscribe/*"
    };

    @Bean
    @Order(2)
    SecurityFilterChain portalFilterChain(HttpSecurity http, SecurityContextRepository contexts, PortalCsrfTokens csrfTokens,
                                          ClientAddressRule addressRule, ProblemWriter problems, Clock clock,
                                          OpenCpsProperties properties) throws Exception {
        http
                .securityMatcher(portalRoutes())
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
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
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { });
        return http.build();
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
