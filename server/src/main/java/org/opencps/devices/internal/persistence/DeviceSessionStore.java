package org.opencps.devices.internal.persistence;

import static org.opencps.devices.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's sessions at devices, kept as the SHA-256 of the session token. */
@Repository
public class DeviceSessionStore {

    private final JdbcClient jdbc;

    DeviceSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record SessionRow(OrgId orgId, UUID id, DeviceId deviceId, UserId userId, String method, Instant createdAt,
                             Instant lastUsedAt) {
    }

    public void insert(SessionRow row, String tokenHash) {
        jdbc.sql("""
                        INSERT INTO devices_session (org_id, id, device_id, user_id, token_hash, method, created_at, last_used_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.orgId().value(), row.id(), row.deviceId().value(), row.userId().value(), tokenHash,
                        row.method(), at(row.createdAt()), at(row.lastUsedAt()))
                .update();
    }

    /** Looks a presented token up by its hash: the one place a session is found without its organization. */
    public Optional<SessionRow> findByHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM devices_session WHERE token_hash = ?").param(tokenHash)
                .query(DeviceSessionStore::row).optional();
    }

    public void touch(OrgId org, UUID id, Instant now) {
        jdbc.sql("UPDATE devices_session SET last_used_at = ? WHERE org_id = ? AND id = ?")
                .params(at(now), org.value(), id).update();
    }

    public void delete(OrgId org, UUID id) {
        jdbc.sql("DELETE FROM devices_session WHERE org_id = ? AND id = ?").params(org.value(), id).update();
    }

    /** Forgets the sessions at the device that began before {@code createdBefore}: past their absolute lifetime. */
    public void deleteStarted(OrgId org, DeviceId device, Instant createdBefore) {
        jdbc.sql("DELETE FROM devices_session WHERE org_id = ? AND device_id = ? AND created_at < ?")
                .params(org.value(), device.value(), at(createdBefore)).update();
    }

    public void deleteAt(OrgId org, DeviceId device) {
        jdbc.sql("DELETE FROM devices_session WHERE org_id = ? AND device_id = ?").params(org.value(), device.value()).update();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM devices_session WHERE org_id = ?").param(org.value()).update();
    }

    private static SessionRow row(ResultSet rs, int n) throws SQLException {
        return new SessionRow(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), Rows.deviceId(rs, "device_id"),
                Rows.userId(rs, "user_id"), rs.getString("method"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_used_at"));
    }
}
