package org.opencps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a login session that was idle longer than its organization allows, or that is older than
 * the absolute limit (1 week by default), or whose person's grace period for setting up a required
 * second factor ended ({@link SessionAttributes#SECOND_FACTOR_ENROL_BY}), measured on the injected clock. Requests marked as background
 * refreshes count as no activity. The request then goes on
 * unauthenticated, so a protected route answers 401 with the reason and a login still works.
 */
public final class SessionTimeoutFilter extends OncePerRequestFilter {

    /**
     * Marks a request a page makes by itself (the portal refreshing a list): it is not the person
     * being active, so it does not keep the session from ending when they are idle.
     */
    static final String BACKGROUND_HEADER = "X-OpenCPS-Background";

    private final Clock clock;
    private final Duration absoluteTimeout;

    public SessionTimeoutFilter(Clock clock, Duration absoluteTimeout) {
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionAttributes.AUTHENTICATED_AT) instanceof Instant since) {
            Instant now = clock.instant();
            Instant lastSeen = (Instant) session.getAttribute(SessionAttributes.LAST_SEEN_AT);
            Duration idle = (Duration) session.getAttribute(SessionAttributes.IDLE_TIMEOUT);
            boolean tooOld = !now.isBefore(since.plus(absoluteTimeout));
            boolean idleTooLong = lastSeen != null && idle != null && !now.isBefore(lastSeen.plus(idle));
            boolean enrolmentOverdue = session.getAttribute(SessionAttributes.SECOND_FACTOR_ENROL_BY) instanceof Instant enrolBy
                    && !now.isBefore(enrolBy);
            if (tooOld || idleTooLong || enrolmentOverdue) {
                session.invalidate();
                request.setAttribute(SessionAttributes.ENDED_KIND, enrolmentOverdue ? "enrol" : tooOld ? "age" : "idle");
                request.setAttribute(SessionAttributes.ENDED_BECAUSE, enrolmentOverdue
                        ? "your organization requires a second factor now; log in again and set up an authenticator app"
                        : tooOld ? "your session reached its maximum age; log in again" : "you were logged out after being idle; log in again");
            } else if (request.getHeader(BACKGROUND_HEADER) == null) {
                session.setAttribute(SessionAttributes.LAST_SEEN_AT, now);
            }
        }
        chain.doFilter(request, response);
    }
}
