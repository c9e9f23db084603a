package org.opencps.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as problem+json, saying why when a session was just ended by a timeout. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        Object reason = request.getAttribute(SessionAttributes.ENDED_BECAUSE);
        problems.write(response, 401, "Unauthorized",
                reason != null ? reason.toString() : "log in first (session cookie or Authorization: Bearer API token)");
    }
}
