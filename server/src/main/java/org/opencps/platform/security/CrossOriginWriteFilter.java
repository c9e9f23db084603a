package org.opencps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing API calls that a browser marks as coming from another site. Together
 * with SameSite=Lax cookies this is the API's defence against cross-site request forgery.
 */
final class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemWriter problems;

    CrossOriginWriteFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean crossSite = "cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite);
        if (!SAFE_METHODS.contains(request.getMethod()) && crossSite) {
            problems.write(response, 403, "Forbidden", "cross-site requests may not change anything");
            return;
        }
        chain.doFilter(request, response);
    }
}
