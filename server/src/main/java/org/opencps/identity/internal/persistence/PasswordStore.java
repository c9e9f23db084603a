package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Local password hashes and earlier hashes (no reuse); the lockout is {@link LockoutStore}'s. */
@Repository
public class PasswordStore {

    private final JdbcClient jdbc;
    private final LockoutStore lockouts;

    PasswordStore(JdbcClient jdbc, LockoutStore lockouts) {
        this.jdbc = jdbc;
        this.lockouts = lockouts;
    }

    public Optional<PasswordRow> find(UserId user) {
        return jdbc.sql("SELECT * FROM identity_password WHERE user_id = ?").param(user.value())
                .query((rs, i) -> new PasswordRow(rs.getString("hash"), Rows.instant(rs, "changed_at"),
                        rs.getBoolean("change_required")))
                .optional();
    }

    /** Sets a new hash, keeps the old one in the history, and clears any lockout and any required change. */
    public void setPassword(UserId user, String hash, Instant now) {
        find(user).ifPresent(old -> jdbc.sql("INSERT INTO identity_password_history (user_id, hash, created_at) VALUES (?, ?, ?)")
                .params(user.value(), old.hash(), at(old.changedAt())).update());
        int updated = jdbc.sql("UPDATE identity_password SET hash = ?, changed_at = ?, change_required = FALSE WHERE user_id = ?")
                .params(hash, at(now), user.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO identity_password (user_id, hash, changed_at) VALUES (?, ?, ?)")
                    .params(user.value(), hash, at(now)).update();
        }
        lockouts.reset(user);
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

    public record PasswordRow(String hash, Instant changedAt, boolean changeRequired) {
    }
}
