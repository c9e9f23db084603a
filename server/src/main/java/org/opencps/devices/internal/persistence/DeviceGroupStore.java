package org.opencps.devices.internal.persistence;

import static org.opencps.devices.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.devices.DeviceGroup;
import org.opencps.platform.ids.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeviceGroupStore {

    private final JdbcClient jdbc;

    DeviceGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DeviceGroup group) {
        jdbc.sql("INSERT INTO devices_group (org_id, id, name, created_at) VALUES (?, ?, ?, ?)")
                .params(group.orgId().value(), group.id(), group.name(), at(group.createdAt())).update();
    }

    public List<DeviceGroup> list(OrgId org) {
        return jdbc.sql("SELECT * FROM devices_group WHERE org_id = ? ORDER BY name")
                .param(org.value()).query(DeviceGroupStore::group).list();
    }

    public Optional<DeviceGroup> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT * FROM devices_group WHERE org_id = ? AND id = ?")
                .params(org.value(), id).query(DeviceGroupStore::group).optional();
    }

    public boolean nameTaken(OrgId org, String name, UUID except) {
        return jdbc.sql("SELECT COUNT(*) FROM devices_group WHERE org_id = ? AND LOWER(name) = LOWER(?) AND id <> ?")
                .params(org.value(), name, except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    public void rename(OrgId org, UUID id, String name) {
        jdbc.sql("UPDATE devices_group SET name = ? WHERE org_id = ? AND id = ?").params(name, org.value(), id).update();
    }

    public boolean delete(OrgId org, UUID id) {
        return jdbc.sql("DELETE FROM devices_group WHERE org_id = ? AND id = ?").params(org.value(), id).update() == 1;
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM devices_group WHERE org_id = ?").param(org.value()).update();
    }

    private static DeviceGroup group(ResultSet rs, int n) throws SQLException {
        return new DeviceGroup(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), rs.getString("name"),
                Rows.instant(rs, "created_at"));
    }
}
