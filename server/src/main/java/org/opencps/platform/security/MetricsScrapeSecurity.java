package org.opencps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} answers only a scraper that sends {@code Authorization: Bearer} with the
 * token of {@code opencps.metrics.scrape-token}. The metrics span every organization, so no login of
 * the product (not even a provider administrator's) opens them; without a configured token nobody
 * can read them.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

    static final String ROUTE = "/actuator/prometheus";

    @Bean
    @Order(0)
    SecurityFilterChain metricsScrapeChain(HttpSecurity http, ProblemWriter problems,
                                           @Value("${opencps.metrics.scrape-token:}") String scrapeToken) throws Exception {
        http.securityMatcher(ROUTE)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new ScrapeTokenFilter(scrapeToken, problems), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(routes -> routes.anyRequest().hasAuthority(SCRAPER))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(response, 401, "Unauthorized", "the metrics need the scrape token"))
                        .accessDeniedHandler((request, response, denied) ->
                                problems.write(response, 401, "Unauthorized", "the metrics need the scrape token")))
                .headers(FilterChains::strictHeaders)
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { });
        return http.build();
    }

    private static final String SCRAPER = "METRICS_SCRAPER";

    /** Lets through, as the scraper, a request whose bearer token equals the configured one (compared in constant time). */
    static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private final byte[] expected;
        private final ProblemWriter problems;

        ScrapeTokenFilter(String scrapeToken, ProblemWriter problems) {
            this.expected = scrapeToken == null || scrapeToken.isBlank() ? null : scrapeToken.getBytes(StandardCharsets.UTF_8);
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token = BearerRequests.token(request);
            if (token == null) {
                chain.doFilter(request, response);
                return;
            }
            if (expected == null || !MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
                problems.write(response, 401, "Unauthorized", "the metrics need the scrape token");
                return;
            }
            var scraper = UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    List.of(new SimpleGrantedAuthority(SCRAPER)));
            BearerRequests.continueAs(scraper, request, response, chain);
        }
    }
}
