package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.access.Permission;
import org.opencps.access.RoleRef;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.opencps.tenancy.Organizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Purging a customer with people, PINs, cards, tokens, groups, invitations and roles leaves nothing of it. */
@OpenCpsTest
class IdentityPurgeTest {

    @Autowired World world;
    @Autowired Organizations organizations;
    @Autowired Cards cards;
    @Autowired ApiTokens tokens;
    @Autowired Groups groups;
    @Autowired Invitations invitations;
    @Autowired Roles roles;
    @Autowired JdbcClient jdbc;

    @Test
    void everyRowOfThePurgedOrganizationIsGoneAndOnlyItsOwnPeopleLoseTheirAccount() {
        OrgId doomed = world.customer(world.root(), "Doomed Co");
        OrgId neighbour = world.customer(world.root(), "Neighbour Co");
        var admin = world.person(doomed, FixedRole.CUSTOMER_ADMIN);
        var shared = world.person(doomed, FixedRole.CUSTOMER_USER);
        world.join(shared, neighbour, FixedRole.CUSTOMER_USER);
        cards.register(admin.actor(), doomed, admin.userId(), "AABBCCDD", "badge");
        tokens.create(admin.actor(), "cli", 10);
        var group = groups.create(admin.actor(), doomed, "Finance");
        groups.addMember(admin.actor(), doomed, group.id(), shared.userId());
        invitations.invite(admin.actor(), doomed, "soon@example.com", Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        roles.createCustomRole(admin.actor(), doomed, "Device viewer", Set.of(Permission.DEVICES_VIEW));
        Map<String, Long> neighbourBefore = rowsWithOrg(neighbour);
        assertThat(rowsWithOrg(doomed)).containsEntry("identity_pin", 2L).containsEntry("identity_card", 1L)
                .containsEntry("identity_api_token", 1L).containsEntry("identity_group_member", 1L);

        organizations.purgeNow(world.rootAdmin().actor(), doomed, "Doomed Co");

        assertThat(rowsWithOrg(doomed)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(rowsWithOrg(neighbour)).isEqualTo(neighbourBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE id = ?").param(admin.userId().value())
                .query(Integer.class).single()).as("the admin belonged only to the purged organization").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE id = ?").param(shared.userId().value())
                .query(Integer.class).single()).as("a person of two organizations keeps the account").isOne();
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'ORGANIZATION_PURGED' AND subject = ?")
                .param(doomed.toString()).query(Integer.class).single()).isOne());
    }

    /** Row counts per table for every table with an org_id column (and the organization itself). */
    private Map<String, Long> rowsWithOrg(OrgId org) {
        Map<String, Long> rows = new LinkedHashMap<>();
        var tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE LOWER(column_name) = 'org_id' AND LOWER(table_schema) = 'public' ORDER BY table_name""")
                .query(String.class).list();
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            rows.put(table.toLowerCase(), jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?").param(org.value())
                    .query(Long.class).single());
        }
        rows.put("tenancy_organization", jdbc.sql("SELECT COUNT(*) FROM tenancy_organization WHERE id = ?").param(org.value())
                .query(Long.class).single());
        return rows;
    }
}
