package org.opencps.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.identity.internal.persistence.SecondFactorStore;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.SessionAttributes;
import org.opencps.platform.security.StepUp;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The step-up rule: a person who has a second factor must have proved it in this login session within the last
 * 10 minutes (at sign-in, or with {@link SessionLogin#confirmSecondFactor}) before a sensitive action. The proof
 * lives in the session, which every server process shares; a request without a login session (an API token) never
 * has one. Outside any request (the server's own work) there is no one to ask.
 */
@Component
public class RecentSecondFactor implements StepUp {

    public static final Duration VALID_FOR = Duration.ofMinutes(10);

    private final SecondFactorStore store;
    private final Clock clock;

    RecentSecondFactor(SecondFactorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @throws SecondFactorCheckRequired when the person has a second factor and did not prove it recently here */
    @Override
    public void require(UserId user) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        if (store.hasFactor(user) && !recent(attributes.getRequest())) {
            throw new SecondFactorCheckRequired();
        }
    }

    /**
     * The person just proved their second factor in this request (a first code of a new app): their session notes it,
     * and no longer ends with a grace period for enrolling.
     */
    void proved() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            if (session != null && session.getAttribute(SessionAttributes.AUTHENTICATED_AT) != null) {
                session.setAttribute(SessionAttributes.SECOND_FACTOR_AT, clock.instant());
                session.removeAttribute(SessionAttributes.SECOND_FACTOR_ENROL_BY);
            }
        }
    }

    /** Whether this session proved the second factor within the last 10 minutes. */
    public boolean recent(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(SessionAttributes.SECOND_FACTOR_AT) instanceof Instant at
                && !at.plus(VALID_FOR).isBefore(clock.instant());
    }
}
