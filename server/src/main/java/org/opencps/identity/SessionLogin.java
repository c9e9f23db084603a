package org.opencps.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.platform.security.Channel;
import org.opencps.platform.security.ClientAddressRule;
import org.opencps.platform.security.SessionAttributes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, switches and ends login sessions. A login gets a new session id (no fixation) and a new
 * CSRF token (the portal's, through {@link LoginSessionListener}), the organization's idle timeout, and the
 * absolute limit counted from this moment. A person with a second factor gets, after the password (or the
 * identity provider), only a pending sign-in: a session without any authentication, which nothing but the
 * second-factor step ({@link #completeSecondFactor}) reads, for 5 minutes.
 */
@Component
public class SessionLogin {

    private final SecurityContextRepository contexts;
    private final ObjectProvider<LoginSessionListener> listeners;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ClientAddressRule addressRule;
    private final Clock clock;
    private final Duration defaultIdleTimeout;
    private final SecondFactors secondFactors;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final SecondFactorRequirement requirement;

    SessionLogin(SecurityContextRepository contexts, ObjectProvider<LoginSessionListener> listeners,
                 FindByIndexNameSessionRepository<? extends Session> sessions, ClientAddressRule addressRule, Clock clock,
                 OpenCpsProperties properties, SecondFactors secondFactors, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions, SecondFactorRequirement requirement) {
        this.requirement = requirement;
        this.secondFactors = secondFactors;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.contexts = contexts;
        this.listeners = listeners;
        this.sessions = sessions;
        this.addressRule = addressRule;
        this.clock = clock;
        this.defaultIdleTimeout = properties.security().defaultIdleTimeout();
    }

    /**
     * Where a sign-in stands after {@link #establish}. {@code SECOND_FACTOR_NEEDED}: a pending sign-in, waiting for
     * the person's code, or for their enrolment when an organization of theirs requires a second factor and its grace
     * period is over. {@code ENROLMENT_DUE}: signed in, but required to enrol within the grace period; send them there.
     */
    public enum Step { SIGNED_IN, SECOND_FACTOR_NEEDED, ENROLMENT_DUE }

    /**
     * Logs the person in on this browser once their password (or identity provider) was accepted; {@code org}
     * may be null until they choose one. When they have a second factor, only a pending sign-in starts: the
     * answer says so, and {@link #completeSecondFactor} finishes it.
     *
     * @throws AddressNotAllowedException when the organization does not accept the client's address; nothing changes then
     */
    public Step establish(HttpServletRequest request, HttpServletResponse response, Actor actor, Duration idleTimeout) {
        return establish(request, response, actor, idleTimeout, false);
    }

    /**
     * As {@link #establish(HttpServletRequest, HttpServletResponse, Actor, Duration)}, after an identity provider:
     * {@code provedByIdentityProvider} when the organization trusts the provider's multi-factor check and the
     * provider reported one ({@link SsoOutcome.Success#secondFactorByProvider}); that is the second factor, so the
     * session starts at once.
     */
    public Step establish(HttpServletRequest request, HttpServletResponse response, Actor actor, Duration idleTimeout,
                          boolean provedByIdentityProvider) {
        return establish(request, response, actor, idleTimeout, provedByIdentityProvider, null);
    }

    /**
     * As {@link #establish(HttpServletRequest, HttpServletResponse, Actor, Duration, boolean)}, remembering in the
     * login session (also through a second step) where it came from, for the sign-out at the provider ({@link #logout}).
     */
    public Step establish(HttpServletRequest request, HttpServletResponse response, Actor actor, Duration idleTimeout,
                          boolean provedByIdentityProvider, ProviderSession providerSession) {
        requireAllowedAddress(request, actor);
        var session = newSession(request, response);
        if (provedByIdentityProvider) {
            signIn(request, response, session, actor, idleTimeout, providerSession);
            session.setAttribute(SessionAttributes.SECOND_FACTOR_AT, clock.instant());
            return Step.SIGNED_IN;
        }
        boolean enrolled = secondFactors.enrolled(actor.userId());
        var enrolBy = enrolled ? java.util.Optional.<java.time.Instant>empty() : requirement.enrolBy(actor.userId());
        if (enrolled || enrolBy.filter(deadline -> !clock.instant().isBefore(deadline)).isPresent()) {
            session.setAttribute(PENDING, new PendingSignIn(actor, idleTimeout, clock.instant(), !enrolled, providerSession));
            session.setMaxInactiveInterval((int) PENDING_FOR.toSeconds());
            return Step.SECOND_FACTOR_NEEDED;
        }
        signIn(request, response, session, actor, idleTimeout, providerSession);
        if (enrolBy.isPresent()) {
            session.setAttribute(SessionAttributes.SECOND_FACTOR_ENROL_BY, enrolBy.get());
            return Step.ENROLMENT_DUE;
        }
        return Step.SIGNED_IN;
    }

    /**
     * Logs the person in after one credential proved both factors (a passkey that verified the person): the session
     * starts with the second factor proved, as after {@link #completeSecondFactor}.
     *
     * @throws AddressNotAllowedException when the organization does not accept the client's address; nothing changes then
     */
    public void establishWithSecondFactor(HttpServletRequest request, HttpServletResponse response, Actor actor,
                                          Duration idleTimeout) {
        establish(request, response, actor, idleTimeout, true);
    }

    /** Whether this browser has a pending sign-in, waiting for the second factor. */
    public boolean secondFactorPending(HttpServletRequest request) {
        return pending(request) != null;
    }

    /** The person whose sign-in waits for the second factor on this browser (to offer their passkeys), if any. */
    public java.util.Optional<UserId> pendingUser(HttpServletRequest request) {
        return java.util.Optional.ofNullable(pending(request)).map(pending -> pending.actor().userId());
    }

    /** Whether this browser's pending sign-in waits for the person to set up the second factor their organization requires. */
    public boolean enrolmentPending(HttpServletRequest request) {
        var pending = pending(request);
        return pending != null && pending.enrol();
    }

    /** Until when the person may work in this session without a second factor their organization requires; null when no such limit. */
    public java.time.Instant enrolBy(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : (java.time.Instant) session.getAttribute(SessionAttributes.SECOND_FACTOR_ENROL_BY);
    }

    /**
     * The authenticator app to set up in a pending sign-in that waits for the person's enrolment (their organization
     * requires a second factor and the grace period is over): the one under way, or a new one. Empty when the
     * pending sign-in waits for a code instead.
     *
     * @throws UnauthenticatedException when there is no pending sign-in
     */
    public java.util.Optional<SecondFactors.TotpEnrolment> pendingEnrolment(HttpServletRequest request) {
        var pending = pending(request);
        if (pending == null) {
            throw new UnauthenticatedException(NO_PENDING_SIGN_IN);
        }
        if (!pending.enrol()) {
            return java.util.Optional.empty();
        }
        UserId user = pending.actor().userId();
        return java.util.Optional.of(secondFactors.pendingTotp(user).orElseGet(() -> secondFactors.startTotp(user)));
    }

    /**
     * The second step of a sign-in: the code from the person's app (or a recovery code). Accepted, the login
     * session starts as {@link #establish} would have started it; refused, the pending sign-in stays (until
     * the lockout or its 5 minutes end it).
     *
     * @throws UnauthenticatedException when there is no pending sign-in (or it is older than 5 minutes)
     * @throws AddressNotAllowedException when the organization does not accept the client's address
     */
    public SecondStep completeSecondFactor(HttpServletRequest request, HttpServletResponse response, String code) {
        var pending = requirePending(request);
        if (pending.enrol()) {
            requireAllowedAddress(request, pending.actor());
            return signInAfterSecondStep(request, response, pending, secondFactors.confirmTotp(pending.actor().userId(), code));
        }
        return completeSecondFactor(request, response, user -> secondFactors.check(user, code, request.getRemoteAddr()));
    }

    /** As {@link #completeSecondFactor(HttpServletRequest, HttpServletResponse, String)}, with another proof (a passkey). */
    public SecondStep completeSecondFactor(HttpServletRequest request, HttpServletResponse response,
                                           Function<UserId, SecondFactors.SecondFactorCheck> proof) {
        var pending = requirePending(request);
        requireAllowedAddress(request, pending.actor());
        var check = proof.apply(pending.actor().userId());
        if (!check.accepted()) {
            return new SecondStep(null, check.refusal(), List.of());
        }
        return signInAfterSecondStep(request, response, pending, List.of());
    }

    private PendingSignIn requirePending(HttpServletRequest request) {
        var pending = pending(request);
        if (pending == null) {
            throw new UnauthenticatedException(NO_PENDING_SIGN_IN);
        }
        return pending;
    }

    private SecondStep signInAfterSecondStep(HttpServletRequest request, HttpServletResponse response, PendingSignIn pending,
                                             List<String> recoveryCodes) {
        var session = newSession(request, response);
        signIn(request, response, session, pending.actor(), pending.idleTimeout(), pending.providerSession());
        session.setAttribute(SessionAttributes.SECOND_FACTOR_AT, clock.instant());
        events.publishEvent(new LoginSecondFactorSucceeded(pending.actor().userId(), request.getRemoteAddr(), pending.enrol()));
        return new SecondStep(pending.actor(), null, recoveryCodes);
    }

    private static final String NO_PENDING_SIGN_IN = "sign in with your password first; the second step waits 5 minutes at most";

    /**
     * The second step's result: the person now signed in (with their new recovery codes, to show once, when they
     * enrolled in this step), or why not.
     */
    public record SecondStep(Actor signedIn, SecondFactorRefused refusal, List<String> recoveryCodes) {

        public boolean accepted() {
            return signedIn != null;
        }
    }

    /**
     * Step-up: the logged-in person confirms their second factor (same lockout as at sign-in); accepted, this
     * session may take sensitive actions for 10 minutes ({@link RecentSecondFactor}).
     *
     * @throws ForbiddenException when the request has no login session (an API token)
     */
    public SecondFactors.SecondFactorCheck confirmSecondFactor(HttpServletRequest request, UserId user, String code) {
        return confirmSecondFactor(request, user, () -> secondFactors.check(user, code, request.getRemoteAddr()));
    }

    /** As {@link #confirmSecondFactor(HttpServletRequest, UserId, String)}, with another proof (a passkey). */
    public SecondFactors.SecondFactorCheck confirmSecondFactor(HttpServletRequest request, UserId user,
                                                              Supplier<SecondFactors.SecondFactorCheck> proof) {
        var session = request.getSession(false);
        if (session == null || session.getAttribute(SessionAttributes.AUTHENTICATED_AT) == null) {
            throw new ForbiddenException("problem.secondFactor.sessionOnly", "only a login session can confirm a second factor; an API token cannot");
        }
        var check = proof.get();
        if (check.accepted()) {
            session.setAttribute(SessionAttributes.SECOND_FACTOR_AT, clock.instant());
        }
        return check;
    }

    private PendingSignIn pending(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING) instanceof PendingSignIn pending
                && pending.since().plus(PENDING_FOR).isAfter(clock.instant())) {
            return pending;
        }
        return null;
    }

    private jakarta.servlet.http.HttpSession newSession(HttpServletRequest request, HttpServletResponse response) {
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        SecurityContextHolder.clearContext();
        listeners.orderedStream().forEach(listener -> listener.loginSessionStarting(request, response));
        return request.getSession(true);
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, jakarta.servlet.http.HttpSession session,
                        Actor actor, Duration idleTimeout, ProviderSession providerSession) {
        var now = clock.instant();
        session.setAttribute(SessionAttributes.AUTHENTICATED_AT, now);
        session.setAttribute(SessionAttributes.LAST_SEEN_AT, now);
        if (providerSession != null) {
            session.setAttribute(PROVIDER_SESSION, providerSession);
        }
        store(request, response, actor, idleTimeout);
    }

    static final String PENDING = "opencps.pendingSignIn";
    static final String PROVIDER_SESSION = "opencps.providerSession";
    static final Duration PENDING_FOR = Duration.ofMinutes(5);

    /**
     * A sign-in waiting for its second factor: who, the idle timeout their session will get, and the identity provider's
     * session it came from (null after a password).
     */
    record PendingSignIn(Actor actor, Duration idleTimeout, java.time.Instant since, boolean enrol,
                         ProviderSession providerSession) implements java.io.Serializable {
    }

    /**
     * Moves the logged-in person into another organization (the tenant selector).
     *
     * @throws AddressNotAllowedException when that organization does not accept the client's address; nothing changes then
     */
    public void switchOrganization(HttpServletRequest request, HttpServletResponse response, Actor actor, OrgId org,
                                   Duration idleTimeout) {
        if (request.getSession(false) == null) {
            throw new ForbiddenException("problem.organization.switchSessionOnly",
                    "only a login session can switch organizations; an API token stays in the organization it was made in");
        }
        requireAllowedAddress(request, actor.inOrganization(org));
        requireSecondFactorRule(request.getSession(), actor.userId());
        request.changeSessionId();
        store(request, response, actor.inOrganization(org), idleTimeout);
    }

    /**
     * Ends this browser's login session. Answers the identity provider's session it came from, if the person signed in
     * through one, for the sign-out there ({@link SsoSignOuts}); the login session is over either way.
     */
    public java.util.Optional<ProviderSession> logout(HttpServletRequest request) {
        var session = request.getSession(false);
        ProviderSession providerSession = null;
        if (session != null) {
            providerSession = session.getAttribute(PROVIDER_SESSION) instanceof ProviderSession kept ? kept : null;
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return java.util.Optional.ofNullable(providerSession);
    }

    /** Ends every login session of a person, on every browser and server process. */
    public int logoutEverywhere(UserId user) {
        var found = sessions.findByPrincipalName(user.toString());
        found.keySet().forEach(sessions::deleteById);
        return found.size();
    }

    /**
     * The signed-in person ends every session of theirs, this one included ("log out everywhere"),
     * recorded for the audit trail under the organization they are working in.
     */
    public void logoutEverywhereAsked(HttpServletRequest request, Actor actor) {
        logoutEverywhere(actor.userId());
        transaction.executeWithoutResult(status -> events.publishEvent(
                new AccountActivity(actor.userId(), actor.orgId(), AccountActivity.Kind.ALL_SESSIONS_ENDED, clock.instant())));
        logout(request);
    }

    /** Ends every other session of the person, keeping the one making this request. */
    public void logoutOthers(HttpServletRequest request, UserId user) {
        var current = request.getSession(false);
        String keep = current == null ? null : current.getId();
        sessions.findByPrincipalName(user.toString()).keySet().stream()
                .filter(id -> !id.equals(keep))
                .forEach(sessions::deleteById);
    }

    /**
     * A session that started before an organization's requirement reached the person (they joined it, or it was
     * switched on) meets it here: past the grace period without a second factor proved in this session, no switch;
     * within it, the session ends with the grace period unless they enrol.
     */
    private void requireSecondFactorRule(jakarta.servlet.http.HttpSession session, UserId user) {
        if (session.getAttribute(SessionAttributes.SECOND_FACTOR_AT) != null) {
            return;
        }
        var enrolBy = requirement.enrolBy(user);
        if (enrolBy.isEmpty() || secondFactors.enrolled(user)) {
            return;
        }
        if (!clock.instant().isBefore(enrolBy.get())) {
            throw new SecondFactorEnrolmentRequired();
        }
        session.setAttribute(SessionAttributes.SECOND_FACTOR_ENROL_BY, enrolBy.get());
    }

    private void requireAllowedAddress(HttpServletRequest request, Actor actor) {
        if (actor.orgId() != null) {
            addressRule.requireAllowed(actor.orgId(), request.getRemoteAddr(), Channel.ofSessionRequest(request), actor.userId());
        }
    }

    private void store(HttpServletRequest request, HttpServletResponse response, Actor actor, Duration idleTimeout) {
        Duration idle = idleTimeout == null ? defaultIdleTimeout : idleTimeout;
        var session = request.getSession(true);
        session.setAttribute(SessionAttributes.IDLE_TIMEOUT, idle);
        session.setMaxInactiveInterval((int) idle.toSeconds());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
