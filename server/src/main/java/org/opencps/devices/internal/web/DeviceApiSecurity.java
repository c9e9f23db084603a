package org.opencps.devices.internal.web;

import org.opencps.devices.DeviceCredentials;
import org.opencps.devices.DevicePrincipal;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.security.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Device API's own filter chain: stateless, no session, cookie or CSRF token; every request
 * but registration carries the device credential. Ordered before the general chain, which
 * matches everything else.
 */
@Configuration(proxyBeanMethods = false)
class DeviceApiSecurity implements WebMvcConfigurer {

    static final String REGISTRATION = "/api/device/v1/registrations";

    @Bean
    @Order(1)
    SecurityFilterChain deviceApiFilterChain(HttpSecurity http, DeviceCredentials deviceCredentials, ProblemWriter problems)
            throws Exception {
        var credentials = new DeviceCredentialFilter(deviceCredentials, problems);
        http
                .securityMatcher("/api/device/**")
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(credentials, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(HttpMethod.OPTIONS, "/**").denyAll()
                        .requestMatchers(HttpMethod.POST, REGISTRATION).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, cause) -> problems.write(response, 401, "Unauthorized",
                                "send the device credential as Authorization: Bearer ocpsd_..."))
                        .accessDeniedHandler((request, response, denied) ->
                                problems.write(response, 403, "Forbidden", "this request is not allowed")))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new DevicePrincipalResolver());
    }

    /** Lets a Device API method take the authenticated {@link DevicePrincipal} as a parameter. */
    private static final class DevicePrincipalResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == DevicePrincipal.class;
        }

        @Override
        public DevicePrincipal resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                               NativeWebRequest request, WebDataBinderFactory binders) {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof DeviceAuthentication device) {
                return device.getPrincipal();
            }
            throw new UnauthenticatedException("problem.device.credential", "send the device credential as Authorization: Bearer ocpsd_...");
        }
    }
}
