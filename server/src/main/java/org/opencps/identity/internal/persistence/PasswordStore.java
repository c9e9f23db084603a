package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Local password hashes, earlier hashes (no reuse), and the consecutive-failure lockout state. */
@Repository
public class PasswordStore {

    private final JdbcClient jdbc;

    PasswordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PasswordRow> find(UserId user) {
        return jdbc.sql("SELECT * FROM identity_password WHERE user_id = ?").param(user.value())
                .query((rs, i) -> new PasswordRow(rs.getString("hash"), Rows.instant(rs, "changed_at"),
                        rs.getInt("failed_attempts"), Rows.instant(rs, "locked_until"), rs.getBoolean("change_required")))
                .optional();
    }

    /** Sets a new hash, keeps the old one in the history, and clears any lockout and any required change. */
    public void setPassword(UserId user, String hash, Instant now) {
        find(user).ifPresent(old -> jdbc.sql("INSERT INTO identity_password_history (user_id, hash, created_at) VALUES (?, ?, ?)")
                .params(user.value(), old.hash(), at(old.changedAt())).update());
        int updated = jdbc.sql("UPDATE identity_password SET hash = ?, changed_at = ?, failed_attempts = 0, locked_until = NULL, change_required = FALSE WHERE user_id = ?")
                .params(hash, at(now), user.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO identity_password (user_id, hash, changed_at, failed_attempts) VALUES (?, ?, ?, 0)")
                    .params(user.value(), hash, at(now)).update();
        }
    }

    /** The most recent earlier hashes, newest first. */
    public List<String> history(UserId user, int limit) {
        return jdbc.sql("SELECT hash FROM identity_password_history WHERE user_id = ? ORDER BY created_at DESC")
                .param(user.value()).query(String.class).list().stream().limit(limit).toList();
    }

    /** The person must choose a new password before going on (the next {@link #setPassword} clears it). */
    public void requireChange(UserId user) {
        jdbc.sql("UPDATE identity_password SET change_required = TRUE WHERE user_id = ?").param(user.value()).update();
    }

    /**
     * Counts an attempt before its password is checked, if the account is not locked and has had
     * fewer than {@code limit} attempts counted in its current run; false when it has not. One
     * conditional statement, so attempts sent at once cannot all pass a check made before any of
     * them was counted, whichever server process they reach.
     */
    public boolean reserveAttempt(UserId user, int limit) {
        return jdbc.sql("""
                        UPDATE identity_password SET failed_attempts = failed_attempts + 1
                        WHERE user_id = ? AND failed_attempts < ? AND locked_until IS NULL""")
                .params(user.value(), limit).update() == 1;
    }

    /** Attempts counted in the current run: failures, and checks still under way. */
    public int failedAttempts(UserId user) {
        return jdbc.sql("SELECT failed_attempts FROM identity_password WHERE user_id = ?").param(user.value())
                .query(Integer.class).optional().orElse(0);
    }

    /** Locks the account until then if it has {@code limit} attempts counted and no lock yet; true if this call locked it. */
    public boolean lockAtLimit(UserId user, int limit, Instant until) {
        return jdbc.sql("""
                        UPDATE identity_password SET locked_until = ?
                        WHERE user_id = ? AND failed_attempts >= ? AND locked_until IS NULL""")
                .params(at(until), user.value(), limit).update() == 1;
    }

    /** A lock that has run out ends, and with it the run of failures that led to it. */
    public void endExpiredLock(UserId user, Instant now) {
        jdbc.sql("UPDATE identity_password SET failed_attempts = 0, locked_until = NULL WHERE user_id = ? AND locked_until <= ?")
                .params(user.value(), at(now)).update();
    }

    /** A right password ends the run of failures; a lock stays until it runs out. */
    public void endRun(UserId user) {
        jdbc.sql("UPDATE identity_password SET failed_attempts = 0 WHERE user_id = ? AND locked_until IS NULL AND failed_attempts <> 0")
                .param(user.value()).update();
    }

    public record PasswordRow(String hash, Instant changedAt, int failedAttempts, Instant lockedUntil, boolean changeRequired) {
    }
}
