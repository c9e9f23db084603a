package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Groups;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The quota routes: who may use them (PRODUCT.md §2), what they accept, and that they answer for members only. */
@OpenCpsTest
class QuotaApiTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Groups groups;

    OrgId provider;
    OrgId org;
    Actor admin;
    Actor manager;
    Actor alice;
    UUID team;

    @BeforeEach
    void tree() {
        provider = world.provider(world.root(), "Quota dealer " + UUID.randomUUID());
        org = world.customer(provider, "Quota customer " + UUID.randomUUID());
        admin = world.person(org, FixedRole.CUSTOMER_ADMIN).actor();
        manager = world.person(org, FixedRole.PRINT_MANAGER).actor();
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
        team = groups.create(admin, org, "Team").id();
    }

    @Test
    void printManagersAndCustomerAdminsSetQuotasAndNobodyElse() throws Exception {
        String user = "/api/v1/organizations/" + org + "/quotas/users/" + alice.userId();
        String group = "/api/v1/organizations/" + org + "/quotas/groups/" + team;
        String list = "/api/v1/organizations/" + org + "/quotas";
        OrgId sibling = world.customer(provider, "Quota sibling " + UUID.randomUUID());
        List<String> wrong = new ArrayList<>();
        record Caller(String name, Actor actor, int expected) {
        }
        for (Caller caller : List.of(new Caller("print manager", manager, 200), new Caller("customer admin", admin, 200),
                new Caller("customer user", alice, 403), new Caller("provider admin of the parent", world.adminOf(provider).actor(), 403),
                new Caller("provider support of the parent", world.person(provider, FixedRole.PROVIDER_SUPPORT).actor(), 403),
                new Caller("root admin two levels up", world.rootAdmin().actor(), 404),
                new Caller("admin of a sibling", world.person(sibling, FixedRole.CUSTOMER_ADMIN).actor(), 404))) {
            for (MockHttpServletRequestBuilder request : List.of(get(user), get(group), get(list), body(put(user), "{\"colorPagesPerMonth\":5}"),
                    body(put(group), "{\"monochromePagesPerMonth\":5}"))) {
                int status = mvc.perform(request.with(as(caller.actor()))).andReturn().getResponse().getStatus();
                if (status != caller.expected()) {
                    wrong.add(caller.name() + " " + request.buildRequest(new org.springframework.mock.web.MockServletContext())
                            .getMethod() + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aQuotaIsSetReadListedAndRemoved() throws Exception {
        String user = "/api/v1/organizations/" + org + "/quotas/users/" + alice.userId();
        mvc.perform(get(user).with(as(manager))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("USER")).andExpect(jsonPath("$.id").value(alice.userId().toString()))
                .andExpect(jsonPath("$.colorPagesPerMonth").isEmpty()).andExpect(jsonPath("$.monochromePagesPerMonth").isEmpty());
        quota(user, "{\"colorPagesPerMonth\":0,\"monochromePagesPerMonth\":10000000}").andExpect(status().isOk())
                .andExpect(jsonPath("$.colorPagesPerMonth").value(0)).andExpect(jsonPath("$.monochromePagesPerMonth").value(10000000));
        quota("/api/v1/organizations/" + org + "/quotas/groups/" + team, "{\"colorPagesPerMonth\":50}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/organizations/{org}/quotas", org).with(as(manager))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].scope").value("USER")).andExpect(jsonPath("$[1].scope").value("GROUP"))
                .andExpect(jsonPath("$[1].id").value(team.toString())).andExpect(jsonPath("$[1].monochromePagesPerMonth").isEmpty());

        quota(user, "{\"colorPagesPerMonth\":null,\"monochromePagesPerMonth\":null}").andExpect(status().isOk());
        groups.delete(admin, org, team);
        mvc.perform(get("/api/v1/organizations/{org}/quotas", org).with(as(manager))).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void limitsAreWholeNumbersFromZeroToTenMillion() throws Exception {
        String user = "/api/v1/organizations/" + org + "/quotas/users/" + alice.userId();
        quota(user, "{\"colorPagesPerMonth\":-1}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("colorPagesPerMonth"));
        quota(user, "{\"monochromePagesPerMonth\":10000001}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("monochromePagesPerMonth"));
        quota(user, "{\"colorPagesPerMonth\":\"5\"}").andExpect(status().isBadRequest());
        quota(user, "{\"colorPagesPerMonth\":5.5}").andExpect(status().isBadRequest());
        quota(user, "{\"colourPagesPerMonth\":5}").andExpect(status().isBadRequest());
        quota(user, "not json").andExpect(status().isBadRequest());
        mvc.perform(get(user).with(as(manager))).andExpect(jsonPath("$.colorPagesPerMonth").isEmpty());
    }

    @Test
    void onlyMembersAndGroupsOfTheOrganizationHaveQuotas() throws Exception {
        OrgId other = world.customer(provider, "Quota other " + UUID.randomUUID());
        Actor stranger = world.person(other, FixedRole.CUSTOMER_USER).actor();
        UUID foreignGroup = groups.create(world.person(other, FixedRole.CUSTOMER_ADMIN).actor(), other, "Theirs").id();
        String base = "/api/v1/organizations/" + org + "/quotas";
        for (String path : List.of(base + "/users/" + stranger.userId(), base + "/users/" + UUID.randomUUID(),
                base + "/groups/" + foreignGroup, base + "/groups/" + UUID.randomUUID())) {
            mvc.perform(get(path).with(as(manager))).andExpect(status().isNotFound());
            quota(path, "{\"colorPagesPerMonth\":5}").andExpect(status().isNotFound());
        }
        mvc.perform(get(base + "/users/not-a-uuid").with(as(manager))).andExpect(status().isBadRequest());
        mvc.perform(get(base + "/groups/1-1-1-1-1").with(as(manager))).andExpect(status().isBadRequest());
    }

    private ResultActions quota(String path, String json) throws Exception {
        return mvc.perform(body(put(path), json).with(as(manager)));
    }

    private static MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, String json) {
        return request.contentType(MediaType.APPLICATION_JSON).content(json);
    }

    static RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }
}
