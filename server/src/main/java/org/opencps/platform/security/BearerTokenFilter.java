package org.opencps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} API tokens. A request with a token is stateless: no
 * session is read or created. A wrong token is a 401 even if a session cookie came along.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenAuthenticator authenticator;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokenAuthenticator authenticator, ProblemWriter problems) {
        this.authenticator = authenticator;
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
        var actor = authenticator.authenticate(token);
        if (actor.isEmpty()) {
            problems.write(response, 401, "Unauthorized", "the API token is unknown, expired or revoked");
            return;
        }
        BearerRequests.continueAs(new ActorAuthentication(actor.get()), request, response, chain);
    }
}
