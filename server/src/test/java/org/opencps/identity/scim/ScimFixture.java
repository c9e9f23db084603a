package org.opencps.identity.scim;

import java.util.UUID;
import org.opencps.access.FixedRole;
import org.opencps.identity.ScimTokens;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.World;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A customer organization with a customer admin and a SCIM token, and what the tests look up in its rows. */
record ScimFixture(OrgId org, World.Person admin, ScimClient client, String token, JdbcClient jdbc) {

    static ScimFixture of(World world, ScimTokens tokens, MockMvc mvc, JdbcClient jdbc, String name) {
        OrgId org = world.customer(world.root(), name + " " + UUID.randomUUID().toString().substring(0, 8));
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String token = tokens.rotate(admin.actor(), org).token();
        return new ScimFixture(org, admin, new ScimClient(mvc, token), token, jdbc);
    }

    /** The account's id with this e-mail address, or null. */
    UUID account(String email) {
        return jdbc.sql("SELECT id FROM identity_user WHERE email = ?").param(email.toLowerCase(java.util.Locale.ROOT))
                .query(UUID.class).optional().orElse(null);
    }

    String emailOf(String userId) {
        return jdbc.sql("SELECT email FROM identity_user WHERE id = ?").param(UUID.fromString(userId)).query(String.class).single();
    }

    boolean isMember(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE org_id = ? AND user_id = ?")
                .params(org.value(), UUID.fromString(userId)).query(Integer.class).single() > 0;
    }

    boolean inGroup(String groupId, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_group_member WHERE org_id = ? AND group_id = ? AND user_id = ?")
                .params(org.value(), UUID.fromString(groupId), UUID.fromString(userId)).query(Integer.class).single() > 0;
    }

    String groupName(String groupId) {
        return jdbc.sql("SELECT name FROM identity_group WHERE org_id = ? AND id = ?").params(org.value(), UUID.fromString(groupId))
                .query(String.class).optional().orElse(null);
    }
}
