package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use e-mailed links: address verification and password reset. */
@Repository
public class EmailTokenStore {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    private final JdbcClient jdbc;

    EmailTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UserId user, Purpose purpose, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO identity_email_token (id, user_id, purpose, token_hash, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), user.value(), purpose.name(), tokenHash, at(now), at(expiresAt)).update();
    }

    /**
     * Uses a token: returns its user if it exists, has this purpose, is unused and unexpired, and
     * marks it used in the same statement so two requests cannot both use it.
     */
    public Optional<UserId> consume(Purpose purpose, String tokenHash, Instant now) {
        Optional<UserId> user = jdbc.sql("""
                        SELECT user_id FROM identity_email_token
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(tokenHash, purpose.name(), at(now)).query((rs, i) -> Rows.userId(rs, "user_id")).optional();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.sql("UPDATE identity_email_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(at(now), tokenHash).update();
        return used == 1 ? user : Optional.empty();
    }

    /** Invalidates the user's other open links of that purpose (a newer reset link replaces older ones). */
    public void invalidateOpen(UserId user, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE identity_email_token SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(at(now), user.value(), purpose.name()).update();
    }
}
