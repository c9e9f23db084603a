package org.opencps.identity;

import java.time.Duration;
import java.util.function.Predicate;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.identity.internal.credentials.Emails;
import org.opencps.identity.internal.credentials.PasswordAttempts;
import org.opencps.identity.internal.credentials.PasswordHasher;
import org.opencps.identity.internal.persistence.PasswordStore;
import org.opencps.identity.internal.persistence.PasswordStore.PasswordRow;
import org.opencps.identity.internal.persistence.SsoStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.ratelimit.LimitedAction;
import org.opencps.platform.ratelimit.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Logging in with e-mail and password, under the account lockout of {@link PasswordAttempts}: 3
 * failures in a row lock the account for 30 minutes, each attempt counted before its password is
 * checked. Every failure and lock is published for the audit trail; requests per source address
 * are rate limited. Not transactional: a failed attempt's count must stay written, and no
 * transaction is held open across the Argon2 check.
 */
@Service
public class PasswordLogins {
    private static final LimitedAction LOGIN_ATTEMPTS = new LimitedAction("problem.tooMany.logins", "login attempts from your address");

    static final String WRONG_CREDENTIALS = "wrong e-mail address or password";
    static final String SSO_ONLY = "your organization signs in through its identity provider only: use single sign-on "
            + "(and a personal API token as the app password for print queues and scripts)";

    static final String SECOND_FACTOR_NEEDS_TOKEN = "your account has a second factor: use a personal API token as the "
            + "app password here";
    static final String SECOND_FACTOR_REQUIRED_NEEDS_TOKEN = "your organization requires a second factor, which a print "
            + "queue's password prompt cannot ask for: use a personal API token as the app password here, or your queue's "
            + "secret address";

    private final UserStore users;
    private final PasswordStore passwords;
    private final PasswordHasher hasher;
    private final RateLimiter rateLimiter;
    private final PasswordAttempts attempts;
    private final ApplicationEventPublisher events;
    private final int attemptsPerSourcePerMinute;
    private final String decoyHash;
    private final SsoStore sso;
    private final SecondFactors secondFactors;
    private final SecondFactorRequirement requirement;
    private final java.time.Clock clock;

    PasswordLogins(UserStore users, PasswordStore passwords, PasswordHasher hasher, RateLimiter rateLimiter,
                   PasswordAttempts attempts, ApplicationEventPublisher events, OpenCpsProperties properties, SsoStore sso,
                   SecondFactors secondFactors, SecondFactorRequirement requirement, java.time.Clock clock) {
        this.requirement = requirement;
        this.clock = clock;
        this.sso = sso;
        this.secondFactors = secondFactors;
        this.users = users;
        this.passwords = passwords;
        this.hasher = hasher;
        this.rateLimiter = rateLimiter;
        this.attempts = attempts;
        this.events = events;
        this.attemptsPerSourcePerMinute = properties.security().loginAttemptsPerSourcePerMinute();
        this.decoyHash = hasher.hash("decoy-password-for-equal-timing");
    }

    /** Counts a login attempt from this address (a password or a passkey) against the per-source limit. */
    void throttle(String sourceIp, String email) {
        try {
            rateLimiter.acquire("login:" + sourceIp, attemptsPerSourcePerMinute, Duration.ofMinutes(1), LOGIN_ATTEMPTS);
        } catch (TooManyRequestsException e) {
            if (e.firstRefusal()) {
                events.publishEvent(new LoginsThrottled(sourceIp, email == null ? null : email.strip()));
            }
            throw e;
        }
    }

    public LoginOutcome login(String email, String password, String sourceIp) {
        return login(email, password, sourceIp, user -> true);
    }

    /**
     * As {@link #login}, for a place that cannot ask for a second factor (an IPP print queue's Basic
     * authentication): a person who has one, or whose organization requires one and whose grace period is over, is
     * refused after the right password, and told to use a personal API token as the app password there (or the
     * queue's secret address); otherwise a stolen password alone would still reach their queue.
     */
    public LoginOutcome loginWithPasswordAlone(String email, String password, String sourceIp) {
        var outcome = login(email, password, sourceIp);
        if (outcome instanceof LoginOutcome.Success success && secondFactors.enrolled(success.user().id())) {
            events.publishEvent(new LoginFailed(success.user().id(), success.user().email(), sourceIp,
                    "password alone refused: the account has a second factor"));
            return new LoginOutcome.Failure("problem.login.secondFactorNeedsToken", SECOND_FACTOR_NEEDS_TOKEN);
        }
        if (outcome instanceof LoginOutcome.Success success && requirement.overdue(success.user().id(), clock.instant())) {
            events.publishEvent(new LoginFailed(success.user().id(), success.user().email(), sourceIp,
                    "password alone refused: the organization requires a second factor"));
            return new LoginOutcome.Failure("problem.login.requiredSecondFactorNeedsToken", SECOND_FACTOR_REQUIRED_NEEDS_TOKEN);
        }
        return outcome;
    }

    /**
     * As {@link #login}, for a place that serves one organization only (a printer): a person who
     * is not a member is treated as an unknown account, so neither their password is checked nor
     * their account's failures counted or cleared from there.
     */
    public LoginOutcome loginAsMemberOf(OrgId org, String email, String password, String sourceIp) {
        return login(email, password, sourceIp, user -> users.isMember(org, user));
    }

    private LoginOutcome login(String email, String password, String sourceIp, Predicate<UserId> eligible) {
        throttle(sourceIp, email);
        String normalized = Emails.normalize("email", email);
        var user = users.findByEmail(normalized).filter(found -> eligible.test(found.id())).orElse(null);
        PasswordRow row = user == null ? null : passwords.find(user.id()).orElse(null);
        if (user == null || row == null) {
            hasher.matches(password, decoyHash);
            events.publishEvent(new LoginFailed(user == null ? null : user.id(), normalized, sourceIp, "unknown account or no password"));
            return new LoginOutcome.Failure("problem.login.wrong", WRONG_CREDENTIALS);
        }
        if (!attempts.reserve(user.id(), sourceIp)) {
            events.publishEvent(new LoginFailed(user.id(), normalized, sourceIp, "account locked"));
            return new LoginOutcome.Failure("problem.secondFactor.locked", attempts.lockedMessage(), attempts.lockedArguments());
        }
        if (!hasher.matches(password, row.hash())) {
            events.publishEvent(new LoginFailed(user.id(), normalized, sourceIp, "wrong password"));
            boolean locked = attempts.failed(user.id(), sourceIp);
            return locked
                    ? new LoginOutcome.Failure("problem.login.wrongNowLocked", WRONG_CREDENTIALS + "; " + attempts.lockedMessage(),
                            attempts.lockedArguments())
                    : new LoginOutcome.Failure("problem.login.wrong", WRONG_CREDENTIALS);
        }
        attempts.succeeded(user.id());
        if (!user.emailVerified()) {
            events.publishEvent(new LoginFailed(user.id(), normalized, sourceIp, "e-mail address not verified"));
            return new LoginOutcome.Failure("problem.login.unverified", "verify your e-mail address first: follow the link we sent you");
        }
        if (sso.inSsoOnlyOrganization(user.id())) {
            // only after the right password, so the answer tells a guesser nothing about the account
            events.publishEvent(new LoginFailed(user.id(), normalized, sourceIp, "password sign-in refused: single sign-on only"));
            return new LoginOutcome.Failure("problem.login.ssoOnly", SSO_ONLY);
        }
        events.publishEvent(new LoginSucceeded(user.id(), sourceIp));
        return new LoginOutcome.Success(user);
    }
}
