package org.opencps.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@OpenCpsTest
class CustomRolesTest {

    @Autowired World world;
    @Autowired Roles roles;
    @Autowired AccessPolicy policy;
    @Autowired MockMvc mvc;

    @Test
    void aCustomRoleGrantsExactlyItsPermissions() {
        OrgId org = world.customer(world.root(), "Custom Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var helpdesk = world.person(org, FixedRole.CUSTOMER_USER);
        var role = roles.createCustomRole(admin.actor(), org, "Helpdesk", Set.of(Permission.DEVICES_VIEW, Permission.USERS_VIEW));
        roles.setRoles(admin.actor(), org, helpdesk.userId(), Set.of(role.ref(), RoleRef.of(FixedRole.CUSTOMER_USER)));
        assertThat(policy.permissions(helpdesk.actor(), org))
                .containsExactlyInAnyOrder(Permission.DEVICES_VIEW, Permission.USERS_VIEW, Permission.JOBS_OWN, Permission.REPORTS_OWN_USAGE);
        roles.deleteCustomRole(admin.actor(), org, role.id());
        assertThat(policy.permissions(helpdesk.actor(), org)).containsExactlyInAnyOrder(Permission.JOBS_OWN, Permission.REPORTS_OWN_USAGE);
    }

    @Test
    void nobodyCreatesOrGrantsARoleBeyondTheirOwnPermissions() {
        OrgId org = world.customer(world.root(), "Limited Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var userManager = world.person(org, FixedRole.CUSTOMER_USER);
        var managerRole = roles.createCustomRole(admin.actor(), org, "User manager",
                Set.of(Permission.USERS_VIEW, Permission.USERS_MANAGE, Permission.ROLES_MANAGE));
        roles.setRoles(admin.actor(), org, userManager.userId(), Set.of(managerRole.ref()));

        assertThatThrownBy(() -> roles.createCustomRole(userManager.actor(), org, "Devices too",
                Set.of(Permission.USERS_VIEW, Permission.DEVICES_VIEW)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("do not hold");
        var smaller = roles.createCustomRole(userManager.actor(), org, "Viewer", Set.of(Permission.USERS_VIEW));
        // a colleague holding nothing the manager lacks (a customer user's own-job permissions they could not take away)
        var colleague = world.person(org);
        roles.setRoles(userManager.actor(), org, colleague.userId(), Set.of(smaller.ref()));
        assertThatThrownBy(() -> roles.setRoles(userManager.actor(), org, colleague.userId(), Set.of(RoleRef.of(FixedRole.CUSTOMER_ADMIN))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void providerPermissionsAndProviderRolesStayOutOfCustomerOrganizations() {
        OrgId org = world.customer(world.root(), "Kind Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var other = world.person(org, FixedRole.CUSTOMER_USER);
        assertThatThrownBy(() -> roles.createCustomRole(admin.actor(), org, "Reseller", Set.of(Permission.ORGANIZATIONS_MANAGE)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("permissions"));
        assertThatThrownBy(() -> roles.setRoles(admin.actor(), org, other.userId(), Set.of(RoleRef.of(FixedRole.PROVIDER_ADMIN))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("roles"));
        var provider = world.provider(world.root(), "Kind provider");
        assertThatThrownBy(() -> roles.createCustomRole(world.adminOf(provider).actor(), provider, "Anything", Set.of(Permission.DEVICES_VIEW)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theLastAdminCannotBeRemoved() {
        OrgId org = world.customer(world.root(), "Last admin Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        assertThatThrownBy(() -> roles.setRoles(admin.actor(), org, admin.userId(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at least one customer admin");
        assertThat(roles.rolesOf(org, admin.userId())).containsExactly(RoleRef.of(FixedRole.CUSTOMER_ADMIN));
        var second = world.person(org, FixedRole.CUSTOMER_ADMIN);
        roles.setRoles(second.actor(), org, admin.userId(), Set.of(RoleRef.of(FixedRole.CUSTOMER_USER)));
        assertThat(roles.rolesOf(org, admin.userId())).containsExactly(RoleRef.of(FixedRole.CUSTOMER_USER));
    }

    @Test
    void theApiNamesTheBadPermissionAndTheDuplicateName() throws Exception {
        OrgId org = world.customer(world.root(), "Api roles Co");
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var as = authentication(new ActorAuthentication(admin.actor()));
        mvc.perform(json(post("/api/v1/organizations/" + org + "/roles").with(as), "{\"name\":\"X\",\"permissions\":[\"FLY\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("permissions[0]"));
        mvc.perform(json(post("/api/v1/organizations/" + org + "/roles").with(as), "{\"name\":\"Ops\",\"permissions\":[\"DEVICES_VIEW\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/organizations/" + org + "/roles").with(as), "{\"name\":\"ops\",\"permissions\":[\"DEVICES_VIEW\"]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("name"));
    }
}
