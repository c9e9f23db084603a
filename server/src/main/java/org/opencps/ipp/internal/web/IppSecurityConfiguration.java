package org.opencps.ipp.internal.web;

import org.opencps.platform.security.CrossOriginWriteFilter;
import org.opencps.platform.security.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * IPP's filter chain. IPP authenticates each request itself (Basic or the secret queue URL, see
 * {@code ipp/internal/auth}) and has no session, cookie or CSRF token, so its routes get a chain without the
 * session, token and CSRF filters of the API's and the portal's: on a busy queue they cost time on every job and
 * decide nothing. Ordered before the portal's chain, which takes every route that is not the API's or IPP's.
 */
@Configuration(proxyBeanMethods = false)
class IppSecurityConfiguration {

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
}
