package org.opencps.ipp.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.opencps.access.AccessPolicy;
import org.opencps.access.QueueFacts;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.ApiTokenRevoked;
import org.opencps.identity.PasswordChanged;
import org.opencps.identity.LoginOutcome;
import org.opencps.identity.PasswordLogins;
import org.opencps.identity.Users;
import org.opencps.ipp.PrintQueue;
import org.opencps.ipp.internal.auth.CredentialCache.Verified;
import org.opencps.platform.cluster.ClusterSignals;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for a queue: the user name is the person's e-mail address, the password their
 * account password (through the normal login, so lockout, rate limits and audit apply) or one of
 * their personal API tokens, which serves as the app password of people who sign in with SSO.
 *
 * <p>With several server processes, a changed password or a revoked token empties the
 * {@link CredentialCache} of its owner on every process when the change commits (a
 * {@link ClusterSignals} signal). A process that may be missing signals (its listening connection
 * is down, noticed within a few seconds) does not use its cache until it listens again.
 */
@Component
public class IppAuthenticator {

    private static final String TOKEN_PREFIX = "ocps_";

    /** The result of checking a request's Authorization header against a queue. */
    public sealed interface Outcome {
        /** The queue's owner; {@code email} for job-originating-user-name. */
        record Authenticated(Actor actor, String email) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        /** Valid credentials of someone else, or a token made in another organization. */
        record NotThisQueue() implements Outcome {
        }

        record Busy(Duration retryAfter) implements Outcome {
        }
    }

    private final AccessPolicy policy;
    private final PasswordLogins passwords;
    private final ApiTokens tokens;
    private final Users users;
    private final Clock clock;
    /** The signal channel of revocations; its payload is the user id whose cached credentials are void. */
    static final String REVOKED = "ipp_credentials_revoked";

    private final CredentialCache cache = new CredentialCache();
    private final ClusterSignals signals;

    IppAuthenticator(AccessPolicy policy, PasswordLogins passwords, ApiTokens tokens, Users users, Clock clock,
            ClusterSignals signals) {
        this.policy = policy;
        this.passwords = passwords;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.signals = signals;
        signals.listen(REVOKED, new ClusterSignals.Listener() {
            @Override
            public void signal(String user) {
                cache.forget(UserId.parse(user));
            }

            @Override
            public void missed() {
                cache.clear();
            }
        });
    }

    public Outcome authenticate(PrintQueue queue, String authorization, String sourceIp) {
        var credentials = BasicCredentials.parse(authorization).orElse(null);
        if (credentials == null) {
            return new Outcome.Rejected();
        }
        Verified verified;
        try {
            verified = cached(credentials).or(() -> verify(credentials, sourceIp)).orElse(null);
        } catch (TooManyRequestsException e) {
            return new Outcome.Busy(e.retryAfter());
        }
        if (verified == null) {
            return new Outcome.Rejected();
        }
        if (!policy.isOwnQueue(verified.userId(), verified.tokenOrg(), new QueueFacts(queue.orgId(), queue.userId()))) {
            return new Outcome.NotThisQueue();
        }
        return new Outcome.Authenticated(new Actor(queue.userId(), queue.orgId()), verified.email());
    }

    private Optional<Verified> cached(BasicCredentials credentials) {
        return signals.receiving() ? cache.find(credentials, clock.instant()) : Optional.empty();
    }

    private Optional<Verified> verify(BasicCredentials credentials, String sourceIp) {
        Optional<Verified> verified;
        if (credentials.password().startsWith(TOKEN_PREFIX)) {
            verified = tokens.authenticate(credentials.password())
                    .map(actor -> new Verified(actor.userId(), actor.orgId(), users.me(actor).email()))
                    .filter(token -> token.email().equalsIgnoreCase(credentials.username().strip()));
        } else {
            verified = login(credentials, sourceIp);
        }
        verified.ifPresent(success -> cache.remember(credentials, success, clock.instant()));
        return verified;
    }

    private Optional<Verified> login(BasicCredentials credentials, String sourceIp) {
        try {
            if (passwords.loginWithPasswordAlone(credentials.username(), credentials.password(), sourceIp) instanceof LoginOutcome.Success success) {
                return Optional.of(new Verified(success.user().id(), null, success.user().email()));
            }
            return Optional.empty();
        } catch (InvalidInputException notAnEmailAddress) {
            return Optional.empty();
        }
    }

    @EventListener
    void on(PasswordChanged event) {
        revoked(event.user());
    }

    /** A password remembered before the person set up a second factor must not keep working alone. */
    @EventListener
    void on(org.opencps.identity.SecondFactorChanged event) {
        cache.forget(event.user());
    }

    /**
     * An organization now requires a second factor (of whom is not known here): no remembered password keeps working
     * alone on this process; other processes check each password again within the cache's 60 seconds.
     */
    @EventListener
    void on(org.opencps.identity.SecondFactorPolicyChanged event) {
        cache.clear();
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        revoked(event.user());
    }

    /** Forgets at once here, and on every process (this one again) once the change commits. */
    private void revoked(UserId user) {
        cache.forget(user);
        signals.send(REVOKED, user.value().toString());
    }
}
