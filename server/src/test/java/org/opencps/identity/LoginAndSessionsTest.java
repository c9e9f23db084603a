package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.opencps.tenancy.OrganizationSettings;
import org.opencps.tenancy.Organizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@OpenCpsTest
class LoginAndSessionsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Organizations organizations;

    private org.springframework.test.web.servlet.ResultActions attempt(String email, String password) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()), "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    @Test
    void loginSetsAHardenedSessionCookieAndSelectsTheOnlyOrganization() throws Exception {
        var customer = world.customer(world.root(), "Cookie Co");
        var person = world.person(customer, FixedRole.CUSTOMER_USER);
        var result = attempt(person.email(), World.PASSWORD).andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationId").value(customer.toString())).andReturn();
        String setCookie = result.getResponse().getHeader("Set-Cookie");
        assertThat(setCookie).contains("OPENCPS_SESSION=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        mvc.perform(get("/api/v1/me").cookie(Api.sessionCookie(result)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(person.email()))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER_USER"));
    }

    @Test
    void threeConsecutiveFailuresLockForThirtyMinutesAndTheLockExpiresByItself() throws Exception {
        var person = world.person(world.customer(world.root(), "Lock Co"), FixedRole.CUSTOMER_USER);
        attempt(person.email(), "Wrong-pass-1").andExpect(status().isUnauthorized());
        attempt(person.email(), "Wrong-pass-2").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("wrong e-mail address or password"));
        attempt(person.email(), "Wrong-pass-3").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("locked for 30 minutes")));
        // the 4th attempt, even with the right password, is refused while locked
        attempt(person.email(), World.PASSWORD).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("locked")));
        clock.advance(Duration.ofMinutes(29));
        attempt(person.email(), World.PASSWORD).andExpect(status().isUnauthorized());
        clock.advance(Duration.ofMinutes(2));
        attempt(person.email(), World.PASSWORD).andExpect(status().isOk());
        eventually(() -> assertThat(auditCount("ACCOUNT_LOCKED", person.userId().value())).isEqualTo(1));
        assertThat(auditCount("LOGIN_FAILED", person.userId().value())).isEqualTo(5);
    }

    @Test
    void twoFailuresThenSuccessResetTheCount() throws Exception {
        var person = world.person(world.customer(world.root(), "Reset Co"), FixedRole.CUSTOMER_USER);
        attempt(person.email(), "Wrong-pass-1").andExpect(status().isUnauthorized());
        attempt(person.email(), "Wrong-pass-2").andExpect(status().isUnauthorized());
        attempt(person.email(), World.PASSWORD).andExpect(status().isOk());
        attempt(person.email(), "Wrong-pass-3").andExpect(status().isUnauthorized());
        attempt(person.email(), "Wrong-pass-4").andExpect(status().isUnauthorized());
        attempt(person.email(), World.PASSWORD).andExpect(status().isOk());
    }

    @Test
    void unknownAccountGetsTheSameAnswerAsAWrongPassword() throws Exception {
        attempt("nobody@example.com", "Whatever-1a").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("wrong e-mail address or password"));
    }

    @Test
    void idleLogoutFollowsTheOrganizationSetting() throws Exception {
        var customer = world.customer(world.root(), "Idle Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var settings = OrganizationSettings.defaults();
        organizations.updateSettings(admin.actor(), customer, new OrganizationSettings(30, settings.jobRetentionHours(),
                null, null), "127.0.0.1");
        Cookie session = login(mvc, admin.email(), World.PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(29));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(31));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("idle")));
    }

    @Test
    void sessionsEndAfterOneWeekHoweverActive() throws Exception {
        var customer = world.customer(world.root(), "Week Co");
        var admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        var defaults = OrganizationSettings.defaults();
        organizations.updateSettings(admin.actor(), customer, new OrganizationSettings(24 * 60, defaults.jobRetentionHours(),
                null, null), "127.0.0.1");
        Cookie session = login(mvc, admin.email(), World.PASSWORD);
        for (int hour = 20; hour < 7 * 24; hour += 20) {
            clock.advance(Duration.ofHours(20));
            mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
        }
        // 160 hours have passed; 7 days is 168
        clock.advance(Duration.ofHours(7).plusMinutes(59));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("maximum age")));
    }

    @Test
    void logoutEverywhereEndsEverySessionOfThePerson() throws Exception {
        var person = world.person(world.customer(world.root(), "Everywhere Co"), FixedRole.CUSTOMER_USER);
        Cookie first = login(mvc, person.email(), World.PASSWORD);
        Cookie second = login(mvc, person.email(), World.PASSWORD);
        mvc.perform(post("/api/v1/auth/logout-everywhere").cookie(first)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").cookie(first)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").cookie(second)).andExpect(status().isUnauthorized());
    }

    @Test
    void aPersonInTwoOrganizationsPicksOneAndCannotPickAStrangersOrganization() throws Exception {
        var first = world.customer(world.root(), "First Co");
        var second = world.customer(world.root(), "Second Co");
        var third = world.customer(world.root(), "Third Co");
        var person = world.person(first, FixedRole.CUSTOMER_USER);
        world.join(person, second, FixedRole.CUSTOMER_ADMIN);
        var result = attempt(person.email(), World.PASSWORD).andExpect(status().isOk())
                .andExpect(jsonPath("$.organizationId").doesNotExist())
                .andExpect(jsonPath("$.organizations.length()").value(2)).andReturn();
        Cookie session = Api.sessionCookie(result);
        mvc.perform(get("/api/v1/organizations/" + second + "/members").cookie(session)).andExpect(status().isNotFound());
        var selected = mvc.perform(json(post("/api/v1/auth/organization").cookie(session), "{\"organizationId\":\"" + second + "\"}"))
                .andExpect(status().isNoContent()).andReturn();
        Cookie inSecond = selected.getResponse().getCookie(Api.SESSION_COOKIE) != null ? Api.sessionCookie(selected) : session;
        mvc.perform(get("/api/v1/organizations/" + second + "/members").cookie(inSecond)).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/auth/organization").cookie(inSecond), "{\"organizationId\":\"" + third + "\"}"))
                .andExpect(status().isNotFound());
    }

    private int auditCount(String type, java.util.UUID user) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND actor_user_id = ?").params(type, user)
                .query(Integer.class).single();
    }
}
