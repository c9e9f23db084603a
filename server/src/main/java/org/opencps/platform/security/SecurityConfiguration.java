package org.opencps.platform.security;

import java.time.Clock;
import org.opencps.platform.config.OpenCpsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API's filter chain, for the REST API, health and API documentation, and the session store that it and
 * the portal's chain share. Controllers only authenticate; what an actor may do is decided by the access policy
 * inside each module's face. Anything not listed as public needs a login.
 *
 * <p>The portal's chain lives in the portal, IPP's in the ipp module, the Device API's in devices: each serves
 * that module's routes only. This one stays in platform because it serves every module's REST controllers; what
 * it needs from other modules it asks through ports the modules implement ({@link ApiTokenAuthenticator},
 * {@link ClientAddressRule}), so platform depends on none of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** Routes that work without a login: logging in, the links sent by e-mail, health and API docs. */
    static final String[] PUBLIC_ROUTES = {
            "/api/v1/auth/login", "/api/v1/auth/second-factor", "/api/v1/auth/second-factor/enrolment", "/api/v1/auth/signup",
            "/api/v1/auth/verify-email",
            "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/**", "/api/v1/auth/challenge",
            "/api/v1/invitations/*", "/api/v1/invitations/*/accept", "/api/v1/setup", "/api/v1/public/**",
            "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"
    };

    @Bean
    SecurityContextRepository securityContextRepository() {
        var repository = new HttpSessionSecurityContextRepository();
        // Only identity's SessionLogin starts sessions. Otherwise Spring's SessionManagementFilter would store each
        // bearer-token request's context in a new session and hand out a cookie that outlives the token.
        repository.setAllowSessionCreation(false);
        return repository;
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
                .headers(FilterChains::strictHeaders)
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { });
        return http.build();
    }
}
