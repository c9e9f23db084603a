package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.identity.Group;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GroupStore {

    private final JdbcClient jdbc;

    GroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Group group) {
        jdbc.sql("INSERT INTO identity_group (org_id, id, name, created_at) VALUES (?, ?, ?, ?)")
                .params(group.orgId().value(), group.id(), group.name(), at(group.createdAt())).update();
    }

    public Optional<Group> find(OrgId org, UUID id) {
        return jdbc.sql("SELECT * FROM identity_group WHERE org_id = ? AND id = ?").params(org.value(), id)
                .query(GroupStore::group).optional();
    }

    public List<Group> list(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_group WHERE org_id = ? ORDER BY LOWER(name)").param(org.value())
                .query(GroupStore::group).list();
    }

    public boolean nameTaken(OrgId org, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_group WHERE org_id = ? AND LOWER(name) = LOWER(?)")
                .params(org.value(), name).query(Integer.class).single() > 0;
    }

    public boolean delete(OrgId org, UUID id) {
        return jdbc.sql("DELETE FROM identity_group WHERE org_id = ? AND id = ?").params(org.value(), id).update() > 0;
    }

    public List<UserId> members(OrgId org, UUID group) {
        return jdbc.sql("SELECT user_id FROM identity_group_member WHERE org_id = ? AND group_id = ?")
                .params(org.value(), group).query((rs, i) -> Rows.userId(rs, "user_id")).list();
    }

    /** The groups a user is in, in a stable order. */
    public List<Group> groupsOf(OrgId org, UserId user) {
        return jdbc.sql("""
                        SELECT g.* FROM identity_group g JOIN identity_group_member m ON m.org_id = g.org_id AND m.group_id = g.id
                        WHERE m.org_id = ? AND m.user_id = ? ORDER BY g.id""")
                .params(org.value(), user.value()).query(GroupStore::group).list();
    }

    public boolean addMember(OrgId org, UUID group, UserId user) {
        if (jdbc.sql("SELECT COUNT(*) FROM identity_group_member WHERE org_id = ? AND group_id = ? AND user_id = ?")
                .params(org.value(), group, user.value()).query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO identity_group_member (org_id, group_id, user_id) VALUES (?, ?, ?)")
                .params(org.value(), group, user.value()).update();
        return true;
    }

    public boolean removeMember(OrgId org, UUID group, UserId user) {
        return jdbc.sql("DELETE FROM identity_group_member WHERE org_id = ? AND group_id = ? AND user_id = ?")
                .params(org.value(), group, user.value()).update() > 0;
    }

    private static Group group(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Group(Rows.orgId(rs, "org_id"), rs.getObject("id", UUID.class), rs.getString("name"),
                Rows.instant(rs, "created_at"));
    }
}
