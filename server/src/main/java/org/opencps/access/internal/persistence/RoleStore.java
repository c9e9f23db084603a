package org.opencps.access.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencps.access.CustomRole;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Role assignments and custom roles; every query is scoped by organization first. */
@Repository
public class RoleStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    RoleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Set<RoleRef> rolesOf(OrgId org, UserId user) {
        return jdbc.sql("SELECT role FROM access_role_assignment WHERE org_id = ? AND user_id = ? ORDER BY role")
                .params(org.value(), user.value())
                .query((rs, i) -> new RoleRef(rs.getString(1)))
                .set().stream().collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void replaceRoles(OrgId org, UserId user, Set<RoleRef> roles) {
        revokeAll(org, user);
        var now = OffsetDateTime.now(clock);
        for (RoleRef role : roles) {
            jdbc.sql("INSERT INTO access_role_assignment (org_id, user_id, role, granted_at) VALUES (?, ?, ?, ?)")
                    .params(org.value(), user.value(), role.key(), now)
                    .update();
        }
    }

    public void revokeAll(OrgId org, UserId user) {
        jdbc.sql("DELETE FROM access_role_assignment WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value()).update();
    }

    public List<UserId> holders(OrgId org, RoleRef role) {
        return jdbc.sql("SELECT user_id FROM access_role_assignment WHERE org_id = ? AND role = ?")
                .params(org.value(), role.key()).query((rs, i) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    /** Everyone holding any role in the organization. */
    public List<UserId> members(OrgId org) {
        return jdbc.sql("SELECT DISTINCT user_id FROM access_role_assignment WHERE org_id = ?")
                .param(org.value()).query((rs, i) -> new UserId(rs.getObject(1, UUID.class))).list();
    }

    public int countHolders(OrgId org, RoleRef role) {
        return jdbc.sql("SELECT COUNT(*) FROM access_role_assignment WHERE org_id = ? AND role = ?")
                .params(org.value(), role.key()).query(Integer.class).single();
    }

    public void insertCustomRole(CustomRole role) {
        jdbc.sql("INSERT INTO access_custom_role (org_id, id, name, permissions, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(role.orgId().value(), role.id(), role.name(), encode(role.permissions()),
                        OffsetDateTime.ofInstant(role.createdAt(), clock.getZone()))
                .update();
    }

    public Optional<CustomRole> findCustomRole(OrgId org, UUID id) {
        return jdbc.sql("SELECT * FROM access_custom_role WHERE org_id = ? AND id = ?")
                .params(org.value(), id).query(RoleStore::customRole).optional();
    }

    public List<CustomRole> customRoles(OrgId org) {
        return jdbc.sql("SELECT * FROM access_custom_role WHERE org_id = ? ORDER BY name")
                .param(org.value()).query(RoleStore::customRole).list();
    }

    public boolean customRoleNameTaken(OrgId org, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM access_custom_role WHERE org_id = ? AND LOWER(name) = LOWER(?)")
                .params(org.value(), name).query(Integer.class).single() > 0;
    }

    /** Deletes the role and takes it from everyone who held it. */
    public boolean deleteCustomRole(OrgId org, UUID id) {
        jdbc.sql("DELETE FROM access_role_assignment WHERE org_id = ? AND role = ?")
                .params(org.value(), RoleRef.custom(id).key()).update();
        return jdbc.sql("DELETE FROM access_custom_role WHERE org_id = ? AND id = ?")
                .params(org.value(), id).update() > 0;
    }

    public void purgeOrganization(OrgId org) {
        jdbc.sql("DELETE FROM access_role_assignment WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("DELETE FROM access_custom_role WHERE org_id = ?").param(org.value()).update();
    }

    private static CustomRole customRole(ResultSet rs, int row) throws SQLException {
        return new CustomRole(new OrgId(rs.getObject("org_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("name"), decode(rs.getString("permissions")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String encode(Set<Permission> permissions) {
        return permissions.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Permission> decode(String text) {
        var set = EnumSet.noneOf(Permission.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(Permission::valueOf).forEach(set::add);
        return set;
    }
}
