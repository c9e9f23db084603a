package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's passkeys (WebAuthn credentials); binary values are kept as base64url text. */
@Repository
public class PasskeyStore {

    private final JdbcClient jdbc;

    PasskeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One passkey as stored; {@code transports} is a comma-separated list. */
    public record PasskeyRow(UUID id, UserId user, String name, String credentialId, String publicKeyCose, long signatureCount,
                             boolean uvInitialized, boolean backupEligible, boolean backupState, String transports,
                             String attestationObject, String clientDataJson, Instant createdAt, Instant lastUsedAt) {
    }

    public void insert(PasskeyRow row) {
        jdbc.sql("""
                        INSERT INTO identity_passkey (id, user_id, credential_id, name, public_key_cose, signature_count,
                          uv_initialized, backup_eligible, backup_state, transports, attestation_object, client_data_json,
                          created_at, last_used_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id(), row.user().value(), row.credentialId(), row.name(), row.publicKeyCose(), row.signatureCount(),
                        row.uvInitialized(), row.backupEligible(), row.backupState(), row.transports(), row.attestationObject(),
                        row.clientDataJson(), at(row.createdAt()), row.lastUsedAt() == null ? null : at(row.lastUsedAt()))
                .update();
    }

    public Optional<PasskeyRow> byCredentialId(String credentialId) {
        return jdbc.sql("SELECT * FROM identity_passkey WHERE credential_id = ?").param(credentialId).query(PasskeyStore::row).optional();
    }

    public List<PasskeyRow> of(UserId user) {
        return jdbc.sql("SELECT * FROM identity_passkey WHERE user_id = ? ORDER BY created_at, id").param(user.value())
                .query(PasskeyStore::row).list();
    }

    public int count(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_passkey WHERE user_id = ?").param(user.value()).query(Integer.class).single();
    }

    /** What recording a verified use found. */
    public enum Use { RECORDED, COUNTER_NOT_ADVANCED, UNKNOWN }

    /**
     * A use was verified: records the authenticator's new signature counter, and when, if the counter
     * advanced past the stored one (or both are 0: an authenticator that keeps no counter, as synced
     * passkeys do). A counter that did not advance means a second copy of the key (WebAuthn §6.1.1):
     * nothing is recorded. One conditional update, so two processes cannot both accept the same count.
     */
    public Use used(String credentialId, long signatureCount, Instant at) {
        int updated = jdbc.sql("UPDATE identity_passkey SET signature_count = ?, last_used_at = ? WHERE credential_id = ?"
                        + " AND (signature_count < ? OR (signature_count = 0 AND ? = 0))")
                .params(signatureCount, at(at), credentialId, signatureCount, signatureCount).update();
        if (updated == 1) {
            return Use.RECORDED;
        }
        return byCredentialId(credentialId).isPresent() ? Use.COUNTER_NOT_ADVANCED : Use.UNKNOWN;
    }

    /** Removes one of the person's own passkeys; false when they have none with this id. */
    public boolean delete(UserId user, UUID id) {
        return jdbc.sql("DELETE FROM identity_passkey WHERE user_id = ? AND id = ?").params(user.value(), id).update() == 1;
    }

    public int deleteAll(UserId user) {
        return jdbc.sql("DELETE FROM identity_passkey WHERE user_id = ?").param(user.value()).update();
    }

    private static PasskeyRow row(ResultSet rs, int i) throws SQLException {
        return new PasskeyRow(rs.getObject("id", UUID.class), Rows.userId(rs, "user_id"), rs.getString("name"),
                rs.getString("credential_id"), rs.getString("public_key_cose"), rs.getLong("signature_count"),
                rs.getBoolean("uv_initialized"), rs.getBoolean("backup_eligible"), rs.getBoolean("backup_state"),
                rs.getString("transports"), rs.getString("attestation_object"), rs.getString("client_data_json"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "last_used_at"));
    }
}
