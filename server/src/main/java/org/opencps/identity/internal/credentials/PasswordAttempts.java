package org.opencps.identity.internal.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.identity.AccountLocked;
import org.opencps.identity.internal.persistence.LockoutStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.ids.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account lockout (PRODUCT.md §3) around every check of a person's password: at login
 * (portal, API, IPP Basic, printers) and of the current password when changing it; and around
 * every check of their second factor, which counts toward the same run of failures. The state
 * lives in {@link LockoutStore}, so a person without a local password has a lockout too.
 * {@code lockoutThreshold} (3) failures in a row lock the account for {@code lockoutDuration}
 * (30 minutes); the lock ends by itself. Each attempt is counted in the database before its
 * password is checked ({@link #reserve}), so attempts sent at once, to one server process or
 * several, cannot all pass the limit: checks still under way count as failures until they end.
 * More attempts at once than the limit lock the account as failures would. A right password ends
 * the run of failures, but never a lock. Each step commits on its own, and no transaction may be
 * open around them: it would hold a database connection and the account's row through the Argon2
 * check (other attempts waiting on it), or roll a counted failure back.
 */
@Component
public class PasswordAttempts {

    private final LockoutStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate alone;
    private final int threshold;
    private final Duration lockout;

    PasswordAttempts(LockoutStore store, ApplicationEventPublisher events, Clock clock,
                     PlatformTransactionManager transactionManager, OpenCpsProperties properties) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.alone = new TransactionTemplate(transactionManager);
        this.threshold = properties.security().lockoutThreshold();
        this.lockout = properties.security().lockoutDuration();
    }

    /**
     * Before checking the person's password: true if it may be checked, the attempt now counted
     * until {@link #succeeded}; false if the account is locked (or is being locked now, because
     * as many attempts as the limit are counted already): the password must not be checked.
     */
    public boolean reserve(UserId user, String sourceIp) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a password must be checked outside any transaction");
        }
        Boolean reserved = alone.execute(status -> {
            store.endExpiredLock(user, clock.instant());
            return store.reserveAttempt(user, threshold);
        });
        if (Boolean.TRUE.equals(reserved)) {
            return true;
        }
        lockIfAtLimit(user, sourceIp);
        return false;
    }

    /** The password was wrong: the attempt stays counted. True if the account is locked now. */
    public boolean failed(UserId user, String sourceIp) {
        lockIfAtLimit(user, sourceIp);
        return alone.execute(status -> store.failedAttempts(user)) >= threshold;
    }

    /** The password was right: the run of failures ends (a lock that came meanwhile stays). */
    public void succeeded(UserId user) {
        alone.executeWithoutResult(status -> store.endRun(user));
    }

    public long lockoutMinutes() {
        return lockout.toMinutes();
    }

    public int threshold() {
        return threshold;
    }

    /** The arguments of {@link #lockedMessage}: the lock's minutes and the failures that lead to it. */
    public Object[] lockedArguments() {
        return new Object[] {lockout.toMinutes(), threshold};
    }

    public String lockedMessage() {
        return "the account is locked for " + lockout.toMinutes() + " minutes after " + threshold
                + " failed logins; try again later or reset your password";
    }

    private void lockIfAtLimit(UserId user, String sourceIp) {
        alone.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant until = now.plus(lockout);
            if (store.lockAtLimit(user, threshold, until)) {
                events.publishEvent(new AccountLocked(user, until, sourceIp, now));
            }
        });
    }
}
