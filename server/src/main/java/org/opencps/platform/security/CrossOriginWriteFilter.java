package org.opencps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing API calls that a browser marks as coming from another site or another
 * origin: by Sec-Fetch-Site where the browser sends it, and by an Origin header that is not this
 * server's own (older browsers send Origin on a cross-origin POST but no Sec-Fetch-Site). Clients
 * that are not browsers send neither. Together with SameSite=Lax cookies this is the API's
 * defence against cross-site request forgery.
 */
public final class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemWriter problems;

    public CrossOriginWriteFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean crossSite = "cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite);
        if (!SAFE_METHODS.contains(request.getMethod()) && (crossSite || foreignOrigin(request))) {
            problems.write(response, 403, "Forbidden", "cross-site requests may not change anything");
            return;
        }
        chain.doFilter(request, response);
    }

    /** An Origin header naming another scheme, host or port than the one this request reached. */
    private static boolean foreignOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI claimed = URI.create(origin);
            int port = claimed.getPort() != -1 ? claimed.getPort() : "https".equalsIgnoreCase(claimed.getScheme()) ? 443 : 80;
            return !(request.getScheme().equalsIgnoreCase(claimed.getScheme())
                    && request.getServerName().equalsIgnoreCase(claimed.getHost()) && request.getServerPort() == port);
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }
}
