package org.opencps.platform.security;

import java.time.Clock;
import org.opencps.platform.config.OpenCpsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The filter chains: IPP's, the portal's ({@link PortalSecurityConfiguration}), and the API's. Controllers only authenticate; what an actor may do is decided by the
 * access policy inside each module's face. Anything not listed as public needs a login.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Routes that work without a login: logging in, the links sent by e-mail, health and API docs. */
    static final String[] PUBLIC_ROUTES = {
            "/api/v1/auth/login", "/api/v1/auth/signup", "/api/v1/auth/verify-email",
            "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/**", "/api/v1/auth/challenge",
            "/api/v1/invitations/*", "/api/v1/invitations/*/accept", "/api/v1/setup", "/api/v1/public/**",
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"
    };

    /** No inline script or style anywhere, nothing from other origins, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The routes of the API chain; every other route (but IPP's) is the portal's. */
    static final String[] API_ROUTES = {
            "/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    /** The API's and the portal's headers: the policy above, never framed, no referrer, HSTS over TLS. */
    static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        var repository = new HttpSessionSecurityContextRepository();
        // Only SessionLogin starts sessions. Otherwise Spring's SessionManagementFilter would store each
        // bearer-token request's context in a new session and hand out a cookie that outlives the token.
        repository.setAllowSessionCreation(false);
        return repository;
    }

    /**
     * IPP authenticates each request itself (Basic or the secret queue URL, in the ipp module) and
     * has no session, cookie or CSRF token, so its routes get a chain without the session, token and
     * CSRF filters of the other one: on a busy queue they cost time on every job and decide nothing.
     */
    @Bean
    @Order(1)
    SecurityFilterChain ippFilterChain(HttpSecurity http, ProblemWriter problems) throws Exception {
        http
                .securityMatcher("/ipp/**")
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossOriginWriteFilter(problems), AuthorizationFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.OPTIONS, "/**").denyAll()
                        .anyRequest().permitAll())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }

    /** The API, health and API documentation; the portal's chain takes every other route. */
    @Bean
    @Order(3)
    SecurityFilterChain filterChain(HttpSecurity http, SecurityContextRepository contexts,
                                    ObjectProvider<ApiTokenAuthenticator> tokenAuthenticators, ProblemWriter problems,
                                    ClientAddressRule addressRule, Clock clock, OpenCpsProperties properties) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        ApiTokenAuthenticator tokens = tokenAuthenticators.getIfAvailable(() -> token -> java.util.Optional.empty());
        http
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // The JSON API is protected from cross-site requests by SameSite=Lax session cookies,
                // JSON-only bodies and CrossOriginWriteFilter (Sec-Fetch-Site and Origin); HTML forms (the portal) keep CSRF tokens.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .addFilterBefore(new SessionTimeoutFilter(clock, properties.security().absoluteSessionTimeout()),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new BearerTokenFilter(tokens, problems), SecurityContextHolderFilter.class)
                .addFilterAfter(new CrossOriginWriteFilter(problems), BearerTokenFilter.class)
                .addFilterAfter(new OrganizationNetworkFilter(addressRule, problems), CrossOriginWriteFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.OPTIONS, "/**").denyAll()
                        .requestMatchers(PUBLIC_ROUTES).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) ->
                                problems.write(response, 403, "Forbidden", "this request is not allowed")))
                .headers(SecurityConfiguration::strictHeaders)
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { });
        return http.build();
    }
}
