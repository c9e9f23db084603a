package org.opencps.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencps.testing.Api.from;
import static org.opencps.testing.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An organization's IP allow-list holds for its people in the API and the portal: signing in to it,
 * picking it in the tenant selector, every later request of a session (which ends) and of an API
 * token (refused), from an address outside the list; each refusal is audited. Tests run on
 * loopback: 127.0.0.0/8 and ::1 are outside a list of 10.0.0.0/8.
 */
@OpenCpsTest
class IpAllowListTest {

    private static final String REFUSED = "accepts requests only from its own networks";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Organizations organizations;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    /** Sets the list as an admin working in the organization would, from inside it. */
    void allowOnly(OrgId org, String... networks) {
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        organizations.updateSettings(admin.actor(), org, new OrganizationSettings(30, 24, List.of(networks), null), "10.0.0.1");
    }

    MvcResult apiLogin(World.Person person, RequestPostProcessor from) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/login").with(from),
                "{\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")).andReturn();
    }

    int refusals(OrgId org, String channel) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'ADDRESS_NOT_ALLOWED' AND org_id = ? AND subject = ?")
                .params(org.value(), channel).query(Integer.class).single();
    }

    @Test
    void signingInThroughTheApiFromOutsideTheListIsRefusedAndStartsNoSession() throws Exception {
        OrgId org = world.customer(world.root(), "Allow Api Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        allowOnly(org, "10.0.0.0/8", "2001:db8::/32");

        MvcResult refused = apiLogin(person, Api.fromOwnAddress());
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentAsString()).contains(REFUSED);
        assertThat(refused.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        MvcResult fromIpv6Loopback = apiLogin(person, from("0:0:0:0:0:0:0:1"));
        assertThat(fromIpv6Loopback.getResponse().getStatus()).isEqualTo(403);
        assertThat(refusals(org, "API")).isEqualTo(2);

        assertThat(apiLogin(person, from(Api.freshAddressIn10())).getResponse().getStatus()).isEqualTo(200);
        assertThat(apiLogin(person, from("2001:db8:0:0:0:0:0:7")).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void anIpv6LoopbackListAcceptsOnlyIpv6Loopback() throws Exception {
        OrgId org = world.customer(world.root(), "Allow V6 Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        allowOnly(org, "10.0.0.0/8", "::1/128");

        assertThat(apiLogin(person, from("0:0:0:0:0:0:0:1")).getResponse().getStatus()).isEqualTo(200);
        assertThat(apiLogin(person, Api.fromOwnAddress()).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aSessionUsedFromOutsideTheListEndsThereAndThen() throws Exception {
        OrgId org = world.customer(world.root(), "Allow Session Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        Cookie session = Api.login(mvc, person.email(), World.PASSWORD);
        mvc.perform(get("/api/v1/jobs").cookie(session)).andExpect(status().isOk());

        // the list applies at once, to sessions started before it
        allowOnly(org, "10.0.0.0/8");
        mvc.perform(get("/api/v1/jobs").cookie(session))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString(REFUSED)))
                .andExpect(jsonPath("$.detail", containsString("you were logged out")));
        mvc.perform(get("/api/v1/jobs").cookie(session).with(from(Api.freshAddressIn10()))).andExpect(status().isUnauthorized());
        assertThat(refusals(org, "API")).isEqualTo(1);
    }

    @Test
    void anApiTokenIsRefusedFromOutsideTheListAndChangesNothing() throws Exception {
        OrgId org = world.customer(world.root(), "Allow Token Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        String token = tokens.create(person.actor(), "script", 30).secret();
        allowOnly(org, "10.0.0.0/8");

        mvc.perform(post("/api/v1/jobs").header("Authorization", "Bearer " + token)
                        .contentType("application/pdf").content(new byte[] {'%', 'P', 'D', 'F'}))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString(REFUSED)));
        mvc.perform(get("/api/v1/jobs").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM printing_job WHERE org_id = ?").param(org.value()).query(Integer.class).single())
                .isZero();
        assertThat(refusals(org, "API")).isEqualTo(2);

        mvc.perform(get("/api/v1/jobs").header("Authorization", "Bearer " + token).with(from(Api.freshAddressIn10())))
                .andExpect(status().isOk());
    }

    @Test
    void theTenantSelectorRefusesAnOrganizationThatDoesNotAcceptTheAddress() throws Exception {
        OrgId open = world.customer(world.root(), "Allow Open Co");
        OrgId closed = world.customer(world.root(), "Allow Closed Co");
        var person = world.person(open, FixedRole.CUSTOMER_USER);
        world.join(person, closed, FixedRole.CUSTOMER_USER);
        allowOnly(closed, "10.0.0.0/8");
        Cookie session = Api.login(mvc, person.email(), World.PASSWORD);

        mvc.perform(json(post("/api/v1/auth/organization").cookie(session), "{\"organizationId\":\"" + closed + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString(REFUSED)));
        // still logged in, in no organization: the other one can be picked
        mvc.perform(json(post("/api/v1/auth/organization").cookie(session), "{\"organizationId\":\"" + open + "\"}"))
                .andExpect(status().isNoContent());
        assertThat(refusals(closed, "API")).isEqualTo(1);
    }

    @Test
    void thePortalRefusesTheSignInAndSaysWhyInThePersonsLanguage() throws Exception {
        OrgId org = world.customer(world.root(), "Allow Portal Co");
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        allowOnly(org, "10.0.0.0/8");

        MvcResult refused = portalLogin(person, Api.fromOwnAddress(), "en");
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentAsString())
                .contains("Your organization accepts sign-ins only from its own networks");
        assertThat(refused.getResponse().getCookie(Api.SESSION_COOKIE)).isNull();
        assertThat(portalLogin(person, Api.fromOwnAddress(), "de").getResponse().getContentAsString())
                .contains("Ihre Organisation l\u00e4sst Anmeldungen nur aus ihren eigenen Netzen zu");
        assertThat(refusals(org, "PORTAL")).isEqualTo(2);

        MvcResult inside = portalLogin(person, from(Api.freshAddressIn10()), "en");
        assertThat(inside.getResponse().getStatus()).isEqualTo(302);
        Cookie session = Api.sessionCookie(inside);
        mvc.perform(get("/jobs").cookie(session).with(from("10.9.9.9"))).andExpect(status().isOk());

        // the same session from an address outside the list ends, and the login page says why
        MvcResult outside = mvc.perform(get("/jobs").cookie(session)).andReturn();
        assertThat(outside.getResponse().getRedirectedUrl()).startsWith("/login?ended=network");
        mvc.perform(get("/jobs").cookie(session).with(from("10.9.9.9"))).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/login?ended=network")).andReturn().getResponse().getContentAsString())
                .contains("You were logged out: your organization accepts sign-ins only from its own networks");
    }

    @Test
    void thePortalsTenantSelectorRefusesTheOrganizationWithItsReason() throws Exception {
        OrgId open = world.customer(world.root(), "Allow Portal Open Co");
        OrgId closed = world.customer(world.root(), "Allow Portal Closed Co");
        var person = world.person(open, FixedRole.CUSTOMER_USER);
        world.join(person, closed, FixedRole.CUSTOMER_USER);
        allowOnly(closed, "10.0.0.0/8");
        Cookie session = Api.sessionCookie(portalLogin(person, Api.fromOwnAddress(), "en"));

        MvcResult refused = mvc.perform(post("/organizations/select").cookie(session).with(csrf())
                .contentType("application/x-www-form-urlencoded").content("organizationId=" + closed)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentAsString()).contains(REFUSED);
        assertThat(refusals(closed, "PORTAL")).isEqualTo(1);
    }

    private MvcResult portalLogin(World.Person person, RequestPostProcessor from, String language) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from).header("Accept-Language", language)
                .contentType("application/x-www-form-urlencoded")
                .content("email=" + person.email() + "&password=" + World.PASSWORD)).andReturn();
    }
}
