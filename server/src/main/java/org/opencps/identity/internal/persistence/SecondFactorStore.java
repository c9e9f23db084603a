package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's authenticator app (TOTP) and recovery codes; whether they have any second factor (an app or a passkey). */
@Repository
public class SecondFactorStore {

    private final JdbcClient jdbc;
    private final LockoutStore lockouts;

    SecondFactorStore(JdbcClient jdbc, LockoutStore lockouts) {
        this.jdbc = jdbc;
        this.lockouts = lockouts;
    }

    /** Whether sign-in asks the person for a second factor: a confirmed authenticator app or at least one passkey. */
    public boolean hasFactor(UserId user) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM identity_totp WHERE user_id = ? AND confirmed_at IS NOT NULL)
                             + (SELECT COUNT(*) FROM identity_passkey WHERE user_id = ?)""")
                .params(user.value(), user.value()).query(Long.class).single() > 0;
    }

    public Optional<TotpRow> totp(UserId user) {
        return jdbc.sql("SELECT * FROM identity_totp WHERE user_id = ?").param(user.value())
                .query((rs, i) -> new TotpRow(rs.getString("secret_sealed"), Rows.instant(rs, "confirmed_at"),
                        rs.getObject("last_used_step", Long.class)))
                .optional();
    }

    /** Starts (or restarts) an enrolment; false when a confirmed app exists, which it never replaces. */
    public boolean startTotp(UserId user, String sealedSecret, Instant now) {
        jdbc.sql("DELETE FROM identity_totp WHERE user_id = ? AND confirmed_at IS NULL").param(user.value()).update();
        if (totp(user).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO identity_totp (user_id, secret_sealed, created_at) VALUES (?, ?, ?)")
                .params(user.value(), sealedSecret, at(now)).update();
        return true;
    }

    /**
     * The first code came: the app counts from now, and that code's step is used. Its guesses need a lockout, which
     * a person without a password gets here.
     */
    public boolean confirmTotp(UserId user, long step, Instant now) {
        boolean confirmed = jdbc.sql("UPDATE identity_totp SET confirmed_at = ?, last_used_step = ? WHERE user_id = ? AND confirmed_at IS NULL")
                .params(at(now), step, user.value()).update() == 1;
        if (confirmed) {
            lockouts.ensure(user);
        }
        return confirmed;
    }

    /**
     * Uses a step's code: true only if no code of this step or a later one was used before. One conditional
     * statement, so the same code sent twice at once, to one process or several, is accepted once.
     */
    public boolean useStep(UserId user, long step) {
        return jdbc.sql("""
                        UPDATE identity_totp SET last_used_step = ?
                        WHERE user_id = ? AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ?)""")
                .params(step, user.value(), step).update() == 1;
    }

    public boolean deleteTotp(UserId user) {
        return jdbc.sql("DELETE FROM identity_totp WHERE user_id = ?").param(user.value()).update() > 0;
    }

    /** Replaces every recovery code of the person with these. */
    public void replaceRecoveryCodes(UserId user, List<String> hashes, Instant now) {
        deleteRecoveryCodes(user);
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO identity_recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)")
                    .params(user.value(), hash, at(now)).update();
        }
    }

    /** Uses a recovery code: true once, when it exists and was not used. */
    public boolean useRecoveryCode(UserId user, String hash, Instant now) {
        return jdbc.sql("UPDATE identity_recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                .params(at(now), user.value(), hash).update() == 1;
    }

    public int unusedRecoveryCodes(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_recovery_code WHERE user_id = ? AND used_at IS NULL")
                .param(user.value()).query(Integer.class).single();
    }

    public void deleteRecoveryCodes(UserId user) {
        jdbc.sql("DELETE FROM identity_recovery_code WHERE user_id = ?").param(user.value()).update();
    }

    public record TotpRow(String sealedSecret, Instant confirmedAt, Long lastUsedStep) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }
}
