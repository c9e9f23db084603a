package org.opencps.platform.security;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * What the entry points' filter chains share: the routes of the API chain ({@code SecurityConfiguration}), which the
 * portal's chain leaves to it, and the strict headers of the chains that answer browsers.
 */
public final class FilterChains {

    /** No inline script or style anywhere, nothing from other origins, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The routes of the API chain; every other route (but IPP's) is the portal's. */
    public static final List<String> API_ROUTES = List.of(
            "/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

    private FilterChains() {
    }

    /** The API's and the portal's headers: the policy above, never framed, no referrer, HSTS over TLS. */
    public static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
