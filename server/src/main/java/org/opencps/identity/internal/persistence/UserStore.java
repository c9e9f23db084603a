package org.opencps.identity.internal.persistence;

import static org.opencps.identity.internal.persistence.Rows.at;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencps.identity.User;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts and memberships. Accounts are looked up across organizations only to log in (by
 * e-mail) and to resolve a member; everything else goes through a membership.
 */
@Repository
public class UserStore {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(User user) {
        jdbc.sql("INSERT INTO identity_user (id, email, display_name, email_verified, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(user.id().value(), user.email(), user.displayName(), user.emailVerified(), at(user.createdAt()))
                .update();
    }

    public Optional<User> findByEmail(String normalizedEmail) {
        return jdbc.sql("SELECT * FROM identity_user WHERE email = ?").param(normalizedEmail).query(Rows::user).optional();
    }

    public Optional<User> find(UserId id) {
        return jdbc.sql("SELECT * FROM identity_user WHERE id = ?").param(id.value()).query(Rows::user).optional();
    }

    public void markEmailVerified(UserId id) {
        jdbc.sql("UPDATE identity_user SET email_verified = TRUE WHERE id = ?").param(id.value()).update();
    }

    public void rename(UserId id, String displayName) {
        jdbc.sql("UPDATE identity_user SET display_name = ? WHERE id = ?").params(displayName, id.value()).update();
    }

    public void changeEmail(UserId id, String normalizedEmail) {
        jdbc.sql("UPDATE identity_user SET email = ? WHERE id = ?").params(normalizedEmail, id.value()).update();
    }

    public void delete(UserId id) {
        jdbc.sql("DELETE FROM identity_user WHERE id = ?").param(id.value()).update();
    }

    public void addMembership(OrgId org, UserId user, Instant joinedAt) {
        jdbc.sql("INSERT INTO identity_membership (org_id, user_id, joined_at) VALUES (?, ?, ?)")
                .params(org.value(), user.value(), at(joinedAt)).update();
    }

    public boolean isMember(OrgId org, UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value()).query(Integer.class).single() > 0;
    }

    public Optional<Instant> joinedAt(OrgId org, UserId user) {
        return jdbc.sql("SELECT joined_at FROM identity_membership WHERE org_id = ? AND user_id = ?")
                .params(org.value(), user.value()).query((rs, i) -> Rows.instant(rs, "joined_at")).optional();
    }

    public void removeMembership(OrgId org, UserId user) {
        jdbc.sql("DELETE FROM identity_membership WHERE org_id = ? AND user_id = ?").params(org.value(), user.value()).update();
    }

    /** The members of one organization with their accounts, by name. */
    public List<MemberRow> members(OrgId org) {
        return jdbc.sql("""
                        SELECT u.*, m.joined_at FROM identity_membership m JOIN identity_user u ON u.id = m.user_id
                        WHERE m.org_id = ? ORDER BY LOWER(u.display_name), u.email""")
                .param(org.value())
                .query((rs, i) -> new MemberRow(Rows.user(rs, i), Rows.instant(rs, "joined_at")))
                .list();
    }

    public List<OrgId> organizationsOf(UserId user) {
        return jdbc.sql("SELECT org_id FROM identity_membership WHERE user_id = ? ORDER BY joined_at")
                .param(user.value()).query((rs, i) -> Rows.orgId(rs, "org_id")).list();
    }

    public List<UserId> memberIds(OrgId org) {
        return jdbc.sql("SELECT user_id FROM identity_membership WHERE org_id = ?")
                .param(org.value()).query((rs, i) -> Rows.userId(rs, "user_id")).list();
    }

    public long countMembers(OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE org_id = ?").param(org.value())
                .query(Long.class).single();
    }

    public record MemberRow(User user, Instant joinedAt) {
    }
}
