package org.opencps.devices.internal.persistence;

import static org.opencps.devices.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opencps.devices.Device;
import org.opencps.devices.DeviceKind;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered devices. The credential is kept only as the SHA-256 of its 256 random bits. */
@Repository
public class DeviceStore {

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DeviceRow row, String credentialHash) {
        jdbc.sql("""
                        INSERT INTO devices_device (org_id, id, kind, agent_id, name, location, group_id, model, serial_number,
                          host_name, ip_address, uri, state, credential_hash, registered_at, pin_failures)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(row.orgId().value(), row.id().value(), row.kind().name(), Rows.uuid(row.agentId()), row.name(),
                        row.location(), row.groupId(), row.model(), row.serialNumber(), row.hostName(), row.ipAddress(),
                        row.uri(), row.state().name(), credentialHash, at(row.registeredAt()))
                .update();
    }

    public Optional<DeviceRow> find(OrgId org, DeviceId id) {
        return jdbc.sql("SELECT * FROM devices_device WHERE org_id = ? AND id = ?")
                .params(org.value(), id.value()).query(DeviceStore::row).optional();
    }

    public List<DeviceRow> list(OrgId org) {
        return jdbc.sql("SELECT * FROM devices_device WHERE org_id = ? ORDER BY name, id")
                .param(org.value()).query(DeviceStore::row).list();
    }

    /** Looks a presented credential up by its hash: the one place a device is found without its organization. */
    public Optional<DeviceRow> findByCredential(String credentialHash) {
        return jdbc.sql("SELECT * FROM devices_device WHERE credential_hash = ? AND state = 'ACTIVE'")
                .param(credentialHash).query(DeviceStore::row).optional();
    }

    public List<DeviceRow> printersOf(OrgId org, DeviceId agent) {
        return jdbc.sql("SELECT * FROM devices_device WHERE org_id = ? AND agent_id = ? ORDER BY name, id")
                .params(org.value(), agent.value()).query(DeviceStore::row).list();
    }

    /** Active printers: what the license's device limit counts (agents print nothing themselves). */
    public long countActivePrinters(OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM devices_device WHERE org_id = ? AND kind = 'PRINTER' AND state = 'ACTIVE'")
                .param(org.value()).query(Long.class).single();
    }

    public Map<OrgId, Long> countActivePrinters(Set<OrgId> orgs) {
        Map<OrgId, Long> counts = new HashMap<>();
        orgs.forEach(org -> counts.put(org, countActivePrinters(org)));
        return counts;
    }

    public void update(OrgId org, DeviceId id, String name, String location, UUID groupId) {
        jdbc.sql("UPDATE devices_device SET name = ?, location = ?, group_id = ? WHERE org_id = ? AND id = ?")
                .params(name, location, groupId, org.value(), id.value()).update();
    }

    /** Revokes the credential of the device, and of the printers it stands in for if it is an agent. */
    public void unregister(OrgId org, DeviceId id, Instant now) {
        jdbc.sql("""
                        UPDATE devices_device SET state = 'UNREGISTERED', credential_hash = NULL, unregistered_at = ?
                        WHERE org_id = ? AND (id = ? OR agent_id = ?) AND state = 'ACTIVE'""")
                .params(at(now), org.value(), id.value(), id.value()).update();
    }

    /** Deletes the device, and the printers it stands in for if it is an agent; returns their ids. */
    public List<DeviceId> delete(OrgId org, DeviceId id) {
        List<DeviceId> ids = jdbc.sql("SELECT id FROM devices_device WHERE org_id = ? AND (id = ? OR agent_id = ?)")
                .params(org.value(), id.value(), id.value()).query((rs, n) -> Rows.deviceId(rs, "id")).list();
        jdbc.sql("DELETE FROM devices_device WHERE org_id = ? AND (id = ? OR agent_id = ?)")
                .params(org.value(), id.value(), id.value()).update();
        return ids;
    }

    /** Replaces the credential; false if the device is no longer active. */
    public boolean rotateCredential(OrgId org, DeviceId id, String newHash, Instant now) {
        return jdbc.sql("""
                        UPDATE devices_device SET credential_hash = ?, credential_rotated_at = ?
                        WHERE org_id = ? AND id = ? AND state = 'ACTIVE'""")
                .params(newHash, at(now), org.value(), id.value()).update() == 1;
    }

    /** Counts one more failed PIN/card login in a row at the device; returns the new count. */
    /**
     * Counts a PIN or card attempt as a failure before it is checked, unless the device has
     * {@code limit} failures in a row already or is locked: then false. Checked and counted in one
     * statement, so attempts sent at once cannot all slip under the limit.
     */
    public boolean reservePinAttempt(OrgId org, DeviceId id, int limit) {
        return jdbc.sql("""
                        UPDATE devices_device SET pin_failures = pin_failures + 1
                        WHERE org_id = ? AND id = ? AND pin_failures < ? AND pin_locked_until IS NULL""")
                .params(org.value(), id.value(), limit).update() == 1;
    }

    public int pinFailures(OrgId org, DeviceId id) {
        return jdbc.sql("SELECT pin_failures FROM devices_device WHERE org_id = ? AND id = ?")
                .params(org.value(), id.value()).query(Integer.class).optional().orElse(0);
    }

    public void lockPinLogins(OrgId org, DeviceId id, Instant until) {
        jdbc.sql("UPDATE devices_device SET pin_locked_until = ? WHERE org_id = ? AND id = ?")
                .params(at(until), org.value(), id.value()).update();
    }

    public void clearPinFailures(OrgId org, DeviceId id) {
        jdbc.sql("""
                        UPDATE devices_device SET pin_failures = 0, pin_locked_until = NULL
                        WHERE org_id = ? AND id = ? AND (pin_failures <> 0 OR pin_locked_until IS NOT NULL)""")
                .params(org.value(), id.value()).update();
    }

    public void ungroup(OrgId org, UUID groupId) {
        jdbc.sql("UPDATE devices_device SET group_id = NULL WHERE org_id = ? AND group_id = ?")
                .params(org.value(), groupId).update();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM devices_device WHERE org_id = ?").param(org.value()).update();
    }

    private static DeviceRow row(ResultSet rs, int n) throws SQLException {
        return new DeviceRow(Rows.orgId(rs, "org_id"), Rows.deviceId(rs, "id"), DeviceKind.valueOf(rs.getString("kind")),
                Rows.deviceId(rs, "agent_id"), rs.getString("name"), rs.getString("location"),
                rs.getObject("group_id", UUID.class), rs.getString("model"), rs.getString("serial_number"),
                rs.getString("host_name"), rs.getString("ip_address"), rs.getString("uri"),
                Device.State.valueOf(rs.getString("state")), Rows.instant(rs, "registered_at"),
                Rows.instant(rs, "unregistered_at"), rs.getInt("pin_failures"), Rows.instant(rs, "pin_locked_until"));
    }
}
