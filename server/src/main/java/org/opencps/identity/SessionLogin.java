package org.opencps.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.errors.ForbiddenException;
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
 * absolute limit counted from this moment.
 */
@Component
public class SessionLogin {

    private final SecurityContextRepository contexts;
    private final ObjectProvider<LoginSessionListener> listeners;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ClientAddressRule addressRule;
    private final Clock clock;
    private final Duration defaultIdleTimeout;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    SessionLogin(SecurityContextRepository contexts, ObjectProvider<LoginSessionListener> listeners,
                 FindByIndexNameSessionRepository<? extends Session> sessions, ClientAddressRule addressRule, Clock clock,
                 OpenCpsProperties properties, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
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
     * Logs the person in on this browser; {@code org} may be null until they choose one.
     *
     * @throws AddressNotAllowedException when the organization does not accept the client's address; nothing changes then
     */
    public void establish(HttpServletRequest request, HttpServletResponse response, Actor actor, Duration idleTimeout) {
        requireAllowedAddress(request, actor);
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        listeners.orderedStream().forEach(listener -> listener.loginSessionStarting(request, response));
        var session = request.getSession(true);
        var now = clock.instant();
        session.setAttribute(SessionAttributes.AUTHENTICATED_AT, now);
        session.setAttribute(SessionAttributes.LAST_SEEN_AT, now);
        store(request, response, actor, idleTimeout);
    }

    /**
     * Moves the logged-in person into another organization (the tenant selector).
     *
     * @throws AddressNotAllowedException when that organization does not accept the client's address; nothing changes then
     */
    public void switchOrganization(HttpServletRequest request, HttpServletResponse response, Actor actor, OrgId org,
                                   Duration idleTimeout) {
        if (request.getSession(false) == null) {
            throw new ForbiddenException("only a login session can switch organizations; an API token stays in the organization it was made in");
        }
        requireAllowedAddress(request, actor.inOrganization(org));
        request.changeSessionId();
        store(request, response, actor.inOrganization(org), idleTimeout);
    }

    public void logout(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
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
