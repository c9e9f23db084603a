package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SCIM provisioning's own rows: the organization's token (hashed), its SCIM users and the groups it manages. Every
 * query but the token lookup names the organization.
 */
@Repository
public class ScimStore {

    private final JdbcClient jdbc;

    ScimStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TokenRow(OrgId orgId, UserId createdBy, Instant createdAt, Instant lastUsedAt) {
    }

    public Optional<TokenRow> token(OrgId org) {
        return jdbc.sql("SELECT * FROM identity_scim_token WHERE org_id = ?").param(org.value())
                .query(ScimStore::tokenRow).optional();
    }

    /** The organization a token belongs to: the only lookup that does not start from an organization. */
    public Optional<TokenRow> tokenByHashAcrossOrganizations(String hash) {
        return jdbc.sql("SELECT * FROM identity_scim_token WHERE token_hash = ?").param(hash).query(ScimStore::tokenRow).optional();
    }

    public void replaceToken(OrgId org, String hash, UserId by, Instant now) {
        jdbc.sql("DELETE FROM identity_scim_token WHERE org_id = ?").param(org.value()).update();
        jdbc.sql("INSERT INTO identity_scim_token (org_id, token_hash, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(org.value(), hash, by == null ? null : by.value(), at(now)).update();
    }

    public boolean deleteToken(OrgId org) {
        return jdbc.sql("DELETE FROM identity_scim_token WHERE org_id = ?").param(org.value()).update() > 0;
    }

    public void tokenUsed(OrgId org, Instant now) {
        jdbc.sql("UPDATE identity_scim_token SET last_used_at = ? WHERE org_id = ?").params(at(now), org.value()).update();
    }

    public record UserRow(OrgId orgId, UserId userId, String userName, String externalId, String displayName, boolean active,
                          boolean provisioned, String attributes, String groupsWhileInactive, long version, Instant createdAt,
                          Instant updatedAt) {
    }

    public Optional<UserRow> user(OrgId org, UserId user) {
        return jdbc.sql("SELECT * FROM identity_scim_user WHERE org_id = ? AND user_id = ?").params(org.value(), user.value())
                .query(ScimStore::userRow).optional();
    }

    public Optional<UserRow> userByName(OrgId org, String userName) {
        return jdbc.sql("SELECT * FROM identity_scim_user WHERE org_id = ? AND user_name_key = ?")
                .params(org.value(), key(userName)).query(ScimStore::userRow).optional();
    }

    /** A page of the organization's SCIM users, those matching {@code column = value} when a column is given. */
    public List<UserRow> users(OrgId org, UserColumn column, String value, int offset, int limit) {
        return jdbc.sql("SELECT * FROM identity_scim_user WHERE org_id = ?" + userCondition(column)
                        + " ORDER BY created_at, user_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(pageParams(org, column == null ? null : userValue(column, value), offset, limit))
                .query(ScimStore::userRow).list();
    }

    public long countUsers(OrgId org, UserColumn column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_scim_user WHERE org_id = ?" + userCondition(column))
                .params(column == null ? List.of(org.value()) : List.of(org.value(), userValue(column, value)))
                .query(Long.class).single();
    }

    /** The attributes a user list may be filtered by, with their case rules (RFC 7643: userName is not case-exact). */
    public enum UserColumn { USER_NAME, EXTERNAL_ID, DISPLAY_NAME, ID }

    private static String userCondition(UserColumn column) {
        if (column == null) {
            return "";
        }
        return switch (column) {
            case USER_NAME -> " AND user_name_key = ?";
            case EXTERNAL_ID -> " AND external_id = ?";
            case DISPLAY_NAME -> " AND LOWER(display_name) = ?";
            case ID -> " AND user_id = ?";
        };
    }

    private static Object userValue(UserColumn column, String value) {
        return switch (column) {
            case USER_NAME, DISPLAY_NAME -> key(value);
            case EXTERNAL_ID -> value;
            case ID -> uuidOrNil(value);
        };
    }

    public void insertUser(UserRow row) {
        jdbc.sql("""
                        INSERT INTO identity_scim_user (org_id, user_id, user_name, user_name_key, external_id, display_name, active,
                          provisioned, attributes, groups_while_inactive, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.orgId().value(), row.userId().value(), row.userName(), key(row.userName()), row.externalId(),
                        row.displayName(), row.active(), row.provisioned(), row.attributes(), row.groupsWhileInactive(),
                        row.version(), at(row.createdAt()), at(row.updatedAt()))
                .update();
    }

    public void updateUser(UserRow row) {
        jdbc.sql("""
                        UPDATE identity_scim_user SET user_name = ?, user_name_key = ?, external_id = ?, display_name = ?, active = ?,
                          attributes = ?, groups_while_inactive = ?, version = ?, updated_at = ?
                        WHERE org_id = ? AND user_id = ?""")
                .params(row.userName(), key(row.userName()), row.externalId(), row.displayName(), row.active(), row.attributes(),
                        row.groupsWhileInactive(), row.version(), at(row.updatedAt()), row.orgId().value(), row.userId().value())
                .update();
    }

    public void setGroupsWhileInactive(OrgId org, UserId user, String groups) {
        jdbc.sql("UPDATE identity_scim_user SET groups_while_inactive = ? WHERE org_id = ? AND user_id = ?")
                .params(groups, org.value(), user.value()).update();
    }

    /** The inactive users who get {@code group} back when they are reactivated. */
    public List<UserRow> usersKeepingGroup(OrgId org, UUID group) {
        return jdbc.sql("SELECT * FROM identity_scim_user WHERE org_id = ? AND active = FALSE AND groups_while_inactive LIKE ?")
                .params(org.value(), "%" + group + "%").query(ScimStore::userRow).list();
    }

    public void deleteUser(OrgId org, UserId user) {
        jdbc.sql("DELETE FROM identity_scim_user WHERE org_id = ? AND user_id = ?").params(org.value(), user.value()).update();
    }

    /** Whether the person is a SCIM user of some organization (for SSO: a provisioned account, or a deactivated one). */
    public List<UserRow> userAcrossOrganizations(UserId user) {
        return jdbc.sql("SELECT * FROM identity_scim_user WHERE user_id = ?").param(user.value()).query(ScimStore::userRow).list();
    }

    public record GroupRow(OrgId orgId, UUID groupId, String externalId, long version, Instant createdAt, Instant updatedAt) {
    }

    public Optional<GroupRow> group(OrgId org, UUID group) {
        return jdbc.sql("SELECT * FROM identity_scim_group WHERE org_id = ? AND group_id = ?").params(org.value(), group)
                .query(ScimStore::groupRow).optional();
    }

    /** A page of the organization's SCIM groups, those matching {@code column = value} when a column is given. */
    public List<GroupRow> groups(OrgId org, GroupColumn column, String value, int offset, int limit) {
        return jdbc.sql("SELECT s.* FROM identity_scim_group s JOIN identity_group g ON g.org_id = s.org_id AND g.id = s.group_id"
                        + " WHERE s.org_id = ?" + groupCondition(column) + " ORDER BY s.created_at, s.group_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(pageParams(org, column == null ? null : groupValue(column, value), offset, limit))
                .query(ScimStore::groupRow).list();
    }

    public long countGroups(OrgId org, GroupColumn column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_scim_group s JOIN identity_group g ON g.org_id = s.org_id AND g.id = s.group_id"
                        + " WHERE s.org_id = ?" + groupCondition(column))
                .params(column == null ? List.of(org.value()) : List.of(org.value(), groupValue(column, value)))
                .query(Long.class).single();
    }

    /** The attributes a group list may be filtered by. */
    public enum GroupColumn { DISPLAY_NAME, EXTERNAL_ID, ID }

    private static String groupCondition(GroupColumn column) {
        if (column == null) {
            return "";
        }
        return switch (column) {
            case DISPLAY_NAME -> " AND LOWER(g.name) = ?";
            case EXTERNAL_ID -> " AND s.external_id = ?";
            case ID -> " AND s.group_id = ?";
        };
    }

    private static Object groupValue(GroupColumn column, String value) {
        return switch (column) {
            case DISPLAY_NAME -> key(value);
            case EXTERNAL_ID -> value;
            case ID -> uuidOrNil(value);
        };
    }

    public void insertGroup(GroupRow row) {
        jdbc.sql("INSERT INTO identity_scim_group (org_id, group_id, external_id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(row.orgId().value(), row.groupId(), row.externalId(), row.version(), at(row.createdAt()), at(row.updatedAt()))
                .update();
    }

    public void updateGroup(GroupRow row) {
        jdbc.sql("UPDATE identity_scim_group SET external_id = ?, version = ?, updated_at = ? WHERE org_id = ? AND group_id = ?")
                .params(row.externalId(), row.version(), at(row.updatedAt()), row.orgId().value(), row.groupId()).update();
    }

    public void renameGroup(OrgId org, UUID group, String name) {
        jdbc.sql("UPDATE identity_group SET name = ? WHERE org_id = ? AND id = ?").params(name, org.value(), group).update();
    }

    private static Object[] pageParams(OrgId org, Object value, int offset, int limit) {
        return value == null ? new Object[] {org.value(), offset, limit} : new Object[] {org.value(), value, offset, limit};
    }

    private static String key(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** An id that is no UUID matches nothing (rather than failing the query). */
    private static UUID uuidOrNil(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static TokenRow tokenRow(ResultSet rs, int n) throws SQLException {
        UUID by = rs.getObject("created_by", UUID.class);
        return new TokenRow(Rows.orgId(rs, "org_id"), by == null ? null : new UserId(by), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_used_at"));
    }

    private static UserRow userRow(ResultSet rs, int n) throws SQLException {
        return new UserRow(Rows.orgId(rs, "org_id"), Rows.userId(rs, "user_id"), rs.getString("user_name"), rs.getString("external_id"),
                rs.getString("display_name"), rs.getBoolean("active"), rs.getBoolean("provisioned"), rs.getString("attributes"),
                rs.getString("groups_while_inactive"), rs.getLong("version"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static GroupRow groupRow(ResultSet rs, int n) throws SQLException {
        return new GroupRow(Rows.orgId(rs, "org_id"), rs.getObject("group_id", UUID.class), rs.getString("external_id"),
                rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
