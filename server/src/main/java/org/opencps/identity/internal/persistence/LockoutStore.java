package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consecutive-failure lockout of a person's account, shared by their password and their second factor; a
 * person without a local password has one too. The row is made with the first secret (a password or an
 * authenticator app); a person without one has nothing to guess, and {@link #reserveAttempt} refuses them.
 */
@Repository
public class LockoutStore {

    private final JdbcClient jdbc;

    LockoutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A fresh lockout for a person who now has a secret to guess (a password or an authenticator app): no failures,
     * no lock. Called in the transaction that stores the secret, so the row exists before any attempt.
     */
    public void reset(UserId user) {
        int updated = jdbc.sql("UPDATE identity_lockout SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?")
                .param(user.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO identity_lockout (user_id, failed_attempts) VALUES (?, 0)").param(user.value()).update();
        }
    }

    /** Makes sure the person has a lockout row, keeping the state of an existing one. */
    public void ensure(UserId user) {
        if (jdbc.sql("SELECT COUNT(*) FROM identity_lockout WHERE user_id = ?").param(user.value()).query(Integer.class).single() == 0) {
            jdbc.sql("INSERT INTO identity_lockout (user_id, failed_attempts) VALUES (?, 0)").param(user.value()).update();
        }
    }

    /**
     * Counts an attempt before its secret is checked, if the account is not locked and has had fewer than
     * {@code limit} attempts counted in its current run; false when it has not (or has no row yet). One conditional
     * statement, so attempts sent at once cannot all pass a check made before any of them was counted, whichever
     * server process they reach.
     */
    public boolean reserveAttempt(UserId user, int limit) {
        return jdbc.sql("""
                        UPDATE identity_lockout SET failed_attempts = failed_attempts + 1
                        WHERE user_id = ? AND failed_attempts < ? AND locked_until IS NULL""")
                .params(user.value(), limit).update() == 1;
    }

    /** Attempts counted in the current run: failures, and checks still under way. */
    public int failedAttempts(UserId user) {
        return jdbc.sql("SELECT failed_attempts FROM identity_lockout WHERE user_id = ?").param(user.value())
                .query(Integer.class).optional().orElse(0);
    }

    /** Locks the account until then if it has {@code limit} attempts counted and no lock yet; true if this call locked it. */
    public boolean lockAtLimit(UserId user, int limit, Instant until) {
        return jdbc.sql("""
                        UPDATE identity_lockout SET locked_until = ?
                        WHERE user_id = ? AND failed_attempts >= ? AND locked_until IS NULL""")
                .params(at(until), user.value(), limit).update() == 1;
    }

    /** A lock that has run out ends, and with it the run of failures that led to it. */
    public void endExpiredLock(UserId user, Instant now) {
        jdbc.sql("UPDATE identity_lockout SET failed_attempts = 0, locked_until = NULL WHERE user_id = ? AND locked_until <= ?")
                .params(user.value(), at(now)).update();
    }

    /** A right answer ends the run of failures; a lock stays until it runs out. */
    public void endRun(UserId user) {
        jdbc.sql("UPDATE identity_lockout SET failed_attempts = 0 WHERE user_id = ? AND locked_until IS NULL AND failed_attempts <> 0")
                .param(user.value()).update();
    }
}
