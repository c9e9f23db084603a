package org.opencps.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * PRODUCT.md §2: no role change lets anyone take from another person more than they could grant.
 * Changing or removing a member's roles, removing the member, registering a card for them,
 * resetting their PIN or deleting a role they hold needs every permission they hold.
 */
@OpenCpsTest
class RoleChangeLimitsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Roles roles;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    private String createRole(Cookie session, OrgId org, String name, String permissions) throws Exception {
        return JsonPath.read(mvc.perform(json(post("/api/v1/organizations/" + org + "/roles").cookie(session),
                        "{\"name\":\"" + name + "\",\"permissions\":[" + permissions + "]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private org.springframework.test.web.servlet.ResultActions setRoles(Cookie session, OrgId org, UserId member, String roleKeys) throws Exception {
        return mvc.perform(json(put("/api/v1/organizations/" + org + "/members/" + member + "/roles").cookie(session),
                "{\"roles\":[" + roleKeys + "]}"));
    }

    private Map<String, Integer> rows() {
        return RowCounts.of(jdbc, "identity_", "access_");
    }

    private Instant pinGeneratedAt(OrgId org, UserId member) {
        return jdbc.sql("SELECT generated_at FROM identity_pin WHERE org_id = ? AND user_id = ?")
                .params(org.value(), member.value()).query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    @Test
    void aUserManagerWithoutAdminRightsCannotDemoteOrRemoveAdmins() throws Exception {
        OrgId customer = world.customer(world.root(), "Demotion Co");
        var keeper = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var demoted = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var removed = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var manager = world.person(customer, FixedRole.CUSTOMER_USER);
        Cookie keeperSession = login(mvc, keeper.email(), World.PASSWORD);
        String managerRole = createRole(keeperSession, customer, "User manager", "\"USERS_VIEW\",\"USERS_MANAGE\",\"ROLES_MANAGE\"");
        String deviceRole = createRole(keeperSession, customer, "Device keeper", "\"DEVICES_VIEW\",\"DEVICES_ADD\"");
        setRoles(keeperSession, customer, manager.userId(), "\"custom:" + managerRole + "\"").andExpect(status().isOk());
        setRoles(keeperSession, customer, removed.userId(), "\"CUSTOMER_ADMIN\",\"custom:" + deviceRole + "\"").andExpect(status().isOk());
        Cookie managerSession = login(mvc, manager.email(), World.PASSWORD);

        // the attack: a role with users-view only, given to an admin in place of their admin role
        String viewer = createRole(managerSession, customer, "Viewer", "\"USERS_VIEW\"");
        var before = rows();
        Instant pinBefore = pinGeneratedAt(customer, demoted.userId());
        clock.advance(Duration.ofMinutes(1));
        setRoles(managerSession, customer, demoted.userId(), "\"custom:" + viewer + "\"").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("you do not hold")));
        // ... and another admin removed from the organization
        mvc.perform(delete("/api/v1/organizations/" + customer + "/members/" + removed.userId()).cookie(managerSession))
                .andExpect(status().isForbidden());
        // nor a card that logs in as the admin at a printer, a new PIN, or taking a role they hold
        mvc.perform(json(post("/api/v1/organizations/" + customer + "/members/" + demoted.userId() + "/cards").cookie(managerSession),
                "{\"number\":\"04A21F9C77\",\"label\":\"Badge\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/organizations/" + customer + "/members/" + demoted.userId() + "/pin/reset").cookie(managerSession))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/organizations/" + customer + "/roles/" + deviceRole).cookie(managerSession))
                .andExpect(status().isForbidden());

        assertThat(rows()).isEqualTo(before);
        assertThat(roles.rolesOf(customer, demoted.userId())).containsExactly(RoleRef.of(FixedRole.CUSTOMER_ADMIN));
        assertThat(roles.rolesOf(customer, removed.userId()))
                .containsExactlyInAnyOrder(RoleRef.of(FixedRole.CUSTOMER_ADMIN), RoleRef.custom(UUID.fromString(deviceRole)));
        assertThat(pinGeneratedAt(customer, demoted.userId())).isEqualTo(pinBefore);

        // what they could grant, they may change: a member holding only the viewer role
        var colleague = world.person(customer);
        setRoles(managerSession, customer, colleague.userId(), "\"custom:" + viewer + "\"").andExpect(status().isOk());
        setRoles(managerSession, customer, colleague.userId(), "\"custom:" + managerRole + "\"").andExpect(status().isOk());
        mvc.perform(delete("/api/v1/organizations/" + customer + "/members/" + colleague.userId()).cookie(managerSession))
                .andExpect(status().isNoContent());
        // an admin holding everything the others hold still may
        setRoles(keeperSession, customer, demoted.userId(), "\"custom:" + viewer + "\"").andExpect(status().isOk());
        mvc.perform(delete("/api/v1/organizations/" + customer + "/roles/" + deviceRole).cookie(keeperSession))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/organizations/" + customer + "/members/" + removed.userId()).cookie(keeperSession))
                .andExpect(status().isNoContent());
        assertThat(roles.adminsOf(customer)).containsExactly(keeper.userId());
    }

    @Test
    void theLastAdminStaysProtectedFromAnyone() throws Exception {
        OrgId customer = world.customer(world.root(), "Last Stand Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        Cookie session = login(mvc, admin.email(), World.PASSWORD);
        setRoles(session, customer, admin.userId(), "\"CUSTOMER_USER\"").andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/organizations/" + customer + "/members/" + admin.userId()).cookie(session))
                .andExpect(status().isConflict());
        assertThat(roles.rolesOf(customer, admin.userId())).isEqualTo(Set.of(RoleRef.of(FixedRole.CUSTOMER_ADMIN)));
    }
}
