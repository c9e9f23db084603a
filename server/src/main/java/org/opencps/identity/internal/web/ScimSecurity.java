package org.opencps.identity.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.opencps.identity.ScimTokens;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.BearerRequests;
import org.opencps.platform.security.FilterChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * SCIM's own filter chain: stateless, no session, cookie or CSRF token; every request carries an organization's SCIM
 * token, and acts on that organization only. Ordered before the portal's chain, which would otherwise take
 * {@code /scim/**}. A session cookie or an API token of a person opens nothing here.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurity implements WebMvcConfigurer {

    static final String ROUTES = "/scim/**";
    private static final String AUTHORITY = "SCIM_CLIENT";
    private static final String HOW = "send the organization's SCIM token as Authorization: Bearer ocpss_...";

    @Bean
    @Order(1)
    SecurityFilterChain scimFilterChain(HttpSecurity http, ScimTokens tokens) throws Exception {
        http.securityMatcher(ROUTES)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new ScimTokenFilter(tokens), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.OPTIONS, "/**").denyAll()
                        .anyRequest().hasAuthority(AUTHORITY))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, cause) -> ScimErrors.write(response, 401, null, HOW))
                        .accessDeniedHandler((request, response, denied) -> ScimErrors.write(response, 401, null, HOW)))
                .headers(FilterChains::strictHeaders)
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { });
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ScimClientResolver());
    }

    /** The organization whose SCIM token the request carries. */
    record ScimClient(OrgId org) {
    }

    private static final class ScimAuthentication extends AbstractAuthenticationToken {

        private final ScimClient client;

        ScimAuthentication(ScimClient client) {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public ScimClient getPrincipal() {
            return client;
        }
    }

    /** Lets the request through as its organization's SCIM client when the bearer token is that organization's. */
    private static final class ScimTokenFilter extends OncePerRequestFilter {

        private final ScimTokens tokens;

        ScimTokenFilter(ScimTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token = BearerRequests.token(request);
            var org = token == null ? java.util.Optional.<OrgId>empty() : tokens.authenticate(token);
            if (org.isEmpty()) {
                ScimErrors.write(response, 401, null, HOW);
                return;
            }
            BearerRequests.continueAs(new ScimAuthentication(new ScimClient(org.get())), request, response, chain);
        }
    }

    private static final class ScimClientResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ScimClient.class;
        }

        @Override
        public ScimClient resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof ScimAuthentication scim) {
                return scim.getPrincipal();
            }
            throw new org.opencps.identity.internal.scim.ScimException(401, null, HOW);
        }
    }
}
