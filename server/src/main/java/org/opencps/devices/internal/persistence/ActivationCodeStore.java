package org.opencps.devices.internal.persistence;

import static org.opencps.devices.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.devices.ActivationCode;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Activation codes, kept as the SHA-256 of the code. */
@Repository
public class ActivationCodeStore {

    private final JdbcClient jdbc;

    ActivationCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ActivationCode code, String codeHash) {
        jdbc.sql("""
                        INSERT INTO devices_activation_code (org_id, id, code_hash, note, created_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(code.orgId().value(), code.id(), codeHash, code.note(), code.createdBy().value(),
                        at(code.createdAt()), at(code.expiresAt()))
                .update();
    }

    public List<ActivationCode> list(OrgId org) {
        return jdbc.sql("SELECT * FROM devices_activation_code WHERE org_id = ? ORDER BY created_at DESC, id")
                .param(org.value()).query(ActivationCodeStore::code).list();
    }

    public Optional<ActivationCode> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT * FROM devices_activation_code WHERE org_id = ? AND id = ?")
                .params(org.value(), id).query(ActivationCodeStore::code).optional();
    }

    /** Looks a presented code up by its hash: the one place a code is found without its organization. */
    public Optional<ActivationCode> findByHash(String codeHash) {
        return jdbc.sql("SELECT * FROM devices_activation_code WHERE code_hash = ?")
                .param(codeHash).query(ActivationCodeStore::code).optional();
    }

    /** Uses the code once: false if it was used, revoked or expired meanwhile. */
    public boolean use(OrgId org, UUID id, DeviceId device, Instant now) {
        return jdbc.sql("""
                        UPDATE devices_activation_code SET used_at = ?, used_by_device = ?
                        WHERE org_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
                .params(at(now), device.value(), org.value(), id, at(now)).update() == 1;
    }

    public boolean revoke(OrgId org, UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE devices_activation_code SET revoked_at = ?
                        WHERE org_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL""")
                .params(at(now), org.value(), id).update() == 1;
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM devices_activation_code WHERE org_id = ?").param(org.value()).update();
    }

    private static ActivationCode code(ResultSet rs, int n) throws SQLException {
        return new ActivationCode(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), rs.getString("note"),
                Rows.userId(rs, "created_by"), Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"),
                Rows.instant(rs, "used_at"), Rows.deviceId(rs, "used_by_device"), Rows.instant(rs, "revoked_at"));
    }
}
