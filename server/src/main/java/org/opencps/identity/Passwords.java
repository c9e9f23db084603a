package org.opencps.identity;

import java.time.Clock;
import org.opencps.identity.internal.credentials.PasswordAttempts;
import org.opencps.identity.internal.credentials.PasswordHasher;
import org.opencps.identity.internal.credentials.PasswordPolicy;
import org.opencps.identity.internal.persistence.PasswordStore;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.platform.ids.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Setting and changing local passwords: the policy, no reuse of earlier ones, Argon2id hashes. */
@Service
public class Passwords {

    /** How many earlier passwords a new one is compared with (besides the current one). */
    public static final int HISTORY = 10;

    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final PasswordStore store;
    private final PasswordAttempts attempts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RecentSecondFactor stepUp;

    Passwords(PasswordPolicy policy, PasswordHasher hasher, PasswordStore store, PasswordAttempts attempts,
              ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, RecentSecondFactor stepUp) {
        this.stepUp = stepUp;
        this.policy = policy;
        this.hasher = hasher;
        this.store = store;
        this.attempts = attempts;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checks a password against the policy alone (for a new account, before it exists). */
    public void checkPolicy(String field, String password) {
        policy.check(field, password);
    }

    /**
     * Whether the person must choose a new password before using the portal: their password was
     * chosen by someone else (the bootstrap administrator's came from the environment).
     */
    public boolean changeRequired(UserId user) {
        return store.find(user).map(PasswordStore.PasswordRow::changeRequired).orElse(false);
    }

    void requireChange(UserId user) {
        store.requireChange(user);
    }

    /**
     * Checking the current password counts toward the account lockout as a login does: while
     * locked, it is not checked (and the password cannot be changed). Not transactional around the
     * check (see {@link PasswordAttempts}); the change itself is one transaction.
     */
    public void change(UserId user, String currentPassword, String newPassword) {
        var row = store.find(user).orElseThrow(() -> new InvalidInputException("currentPassword", "problem.password.noLocal", "this account has no local password"));
        stepUp.require(user);
        if (!attempts.reserve(user, null)) {
            throw new UnauthenticatedException("problem.password.locked", attempts.lockedMessage(), attempts.lockoutMinutes(), attempts.threshold());
        }
        if (!hasher.matches(currentPassword, row.hash())) {
            boolean locked = attempts.failed(user, null);
            throw locked
                    ? new UnauthenticatedException("problem.password.wrongAndLocked", "the current password is wrong; " + attempts.lockedMessage(),
                            attempts.lockoutMinutes(), attempts.threshold())
                    : new UnauthenticatedException("problem.password.wrong", "the current password is wrong");
        }
        attempts.succeeded(user);
        transactions.executeWithoutResult(status -> set(user, "newPassword", newPassword, false));
    }

    /** Sets a password after the policy and reuse checks; used by sign-up, invitations and resets. */
    @Transactional
    public void set(UserId user, String field, String newPassword, boolean byReset) {
        policy.check(field, newPassword);
        var current = store.find(user);
        boolean reused = current.map(row -> hasher.matches(newPassword, row.hash())).orElse(false)
                || store.history(user, HISTORY).stream().anyMatch(old -> hasher.matches(newPassword, old));
        if (reused) {
            throw new InvalidInputException(field, "problem.password.reused", "must not be one of your previous passwords");
        }
        store.setPassword(user, hasher.hash(newPassword), clock.instant());
        if (current.isPresent()) {
            events.publishEvent(new PasswordChanged(user, byReset, clock.instant()));
        }
    }
}
