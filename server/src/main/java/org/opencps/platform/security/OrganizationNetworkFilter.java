package org.opencps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request of a person working in an organization comes from an address that organization
 * accepts ({@link ClientAddressRule}). From any other, a login session ends, as after the idle
 * timeout: the API answers 401 saying why, the portal sends the person to the login page, which
 * says why. An API token, which cannot be ended so, is refused with 403 on each such request.
 */
public final class OrganizationNetworkFilter extends OncePerRequestFilter {

    private final ClientAddressRule rule;
    private final ProblemWriter problems;

    public OrganizationNetworkFilter(ClientAddressRule rule, ProblemWriter problems) {
        this.rule = rule;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication
                && authentication.getPrincipal().orgId() != null) {
            Actor actor = authentication.getPrincipal();
            try {
                rule.requireAllowed(actor.orgId(), request.getRemoteAddr(), Channel.ofSessionRequest(request), actor.userId());
            } catch (AddressNotAllowedException e) {
                if (BearerRequests.token(request) != null) {
                    problems.write(response, 403, "Forbidden", e.getMessage());
                    return;
                }
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                request.setAttribute(SessionAttributes.ENDED_KIND, "network");
                request.setAttribute(SessionAttributes.ENDED_BECAUSE, e.getMessage() + "; you were logged out");
            }
        }
        chain.doFilter(request, response);
    }
}
