package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A SAML provider's SP key rotation in transition: the new key pair, published and decrypting next to the old one. */
@Repository
public class SpKeyRotationStore {

    private final JdbcClient jdbc;

    SpKeyRotationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record RotationRow(UUID providerId, OrgId orgId, String newCertificate, String newKeySealed, Instant rotatedAt,
                              Instant oldKeyRetiresAt) {
    }

    public Optional<RotationRow> find(UUID providerId) {
        return jdbc.sql("SELECT * FROM identity_saml_sp_key_rotation WHERE provider_id = ?").param(providerId)
                .query((rs, n) -> new RotationRow(rs.getObject("provider_id", UUID.class), Rows.orgId(rs, "org_id"),
                        rs.getString("new_certificate"), rs.getString("new_key_sealed"), Rows.instant(rs, "rotated_at"),
                        Rows.instant(rs, "old_key_retires_at")))
                .optional();
    }

    /** False when another rotation of the provider started first (both admins read "none in progress"). */
    public boolean start(RotationRow row) {
        try {
            jdbc.sql("""
                            INSERT INTO identity_saml_sp_key_rotation (provider_id, org_id, new_certificate, new_key_sealed,
                              rotated_at, old_key_retires_at) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(row.providerId(), row.orgId().value(), row.newCertificate(), row.newKeySealed(),
                            at(row.rotatedAt()), at(row.oldKeyRetiresAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The new key pair replaces the old one, which is gone from then on. False when no rotation was in transition. */
    public boolean retireOldKey(UUID providerId) {
        int moved = jdbc.sql("""
                        UPDATE identity_saml_provider SET
                          sp_certificate = (SELECT new_certificate FROM identity_saml_sp_key_rotation r WHERE r.provider_id = ?),
                          sp_key_sealed = (SELECT new_key_sealed FROM identity_saml_sp_key_rotation r WHERE r.provider_id = ?)
                        WHERE id = ? AND EXISTS (SELECT 1 FROM identity_saml_sp_key_rotation r WHERE r.provider_id = ?)""")
                .params(providerId, providerId, providerId, providerId).update();
        jdbc.sql("DELETE FROM identity_saml_sp_key_rotation WHERE provider_id = ?").param(providerId).update();
        return moved == 1;
    }
}
