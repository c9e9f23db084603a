package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.platform.ids.OrgId;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organization that requires a second factor, through the API: after the grace period a person without one gets
 * no session from a password login (only a pending sign-in in which they may enrol), cannot switch into the
 * organization from a session begun before, and a session begun within the grace period ends with it. Administrators
 * only, the strictest of several organizations, and a person without a local password who can now enrol.
 */
@OpenCpsTest
class RequiredSecondFactorTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void afterTheGracePeriodAPasswordLoginGetsNoSessionUntilThePersonEnrolsInThePendingSignIn() throws Exception {
        OrgId org = world.customer(world.root(), "Required 2FA " + UUID.randomUUID());
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        require(org, "EVERYONE", 0);

        var login = passwordLogin(person.email()).andExpect(jsonPath("$.secondFactorRequired").value(true))
                .andExpect(jsonPath("$.secondFactorEnrolmentRequired").value(true))
                .andExpect(jsonPath("$.userId").doesNotExist()).andReturn();
        Cookie pending = Api.sessionCookie(login);
        mvc.perform(get("/api/v1/me").cookie(pending)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/me/second-factor/totp").cookie(pending)).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/v1/auth/organization").cookie(pending), "{\"organizationId\":\"" + org + "\"}"))
                .andExpect(status().isUnauthorized());
        // a made-up code is no way around the enrolment
        mvc.perform(json(post("/api/v1/auth/second-factor").cookie(pending).with(Api.fromOwnAddress()), "{\"code\":\"123456\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/me").cookie(pending)).andExpect(status().isUnauthorized());

        var enrolment = mvc.perform(post("/api/v1/auth/second-factor/enrolment").cookie(pending)).andExpect(status().isOk())
                .andExpect(jsonPath("$.otpauthUri").value(containsString("otpauth://totp/"))).andReturn();
        String secret = JsonPath.read(enrolment.getResponse().getContentAsString(), "$.secret");
        var signedIn = mvc.perform(json(post("/api/v1/auth/second-factor").cookie(pending).with(Api.fromOwnAddress()),
                        "{\"code\":\"" + TotpCodes.code(secret, TotpCodes.stepAt(clock.instant())) + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(person.email()))
                .andExpect(jsonPath("$.recoveryCodes.length()").value(SecondFactors.RECOVERY_CODES)).andReturn();
        mvc.perform(get("/api/v1/me").cookie(Api.sessionCookie(signedIn))).andExpect(status().isOk());
        eventually(() -> assertThat(audit("LOGIN_SECOND_FACTOR_SUCCEEDED", person)).isEqualTo(1));
        // the app the organization requires stays
        mvc.perform(delete("/api/v1/me/second-factor/totp")
                .cookie(Api.sessionCookie(signedIn))).andExpect(status().isConflict());
    }

    @Test
    void withinTheGracePeriodThePersonWorksAndTheSessionEndsWithIt() throws Exception {
        OrgId org = world.customer(world.root(), "Grace 2FA " + UUID.randomUUID());
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        require(org, "EVERYONE", 1);
        clock.advance(Duration.ofDays(1).minusMinutes(5));

        var login = passwordLogin(person.email()).andExpect(jsonPath("$.secondFactorRequired").value(false))
                .andExpect(jsonPath("$.secondFactorEnrolBy").exists()).andReturn();
        Cookie session = Api.sessionCookie(login);
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(6));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("requires a second factor")));
        passwordLogin(person.email()).andExpect(jsonPath("$.secondFactorEnrolmentRequired").value(true));
    }

    @Test
    void aSessionBegunBeforeTheRequirementCannotSwitchIntoItsOrganizations() throws Exception {
        OrgId home = world.customer(world.root(), "Switch Home " + UUID.randomUUID());
        OrgId strict = world.customer(world.root(), "Switch Strict " + UUID.randomUUID());
        var person = world.person(home, FixedRole.CUSTOMER_USER);
        world.join(person, strict, FixedRole.CUSTOMER_USER);
        Cookie session = Api.sessionCookie(passwordLogin(person.email()).andReturn());
        var switched = mvc.perform(json(post("/api/v1/auth/organization").cookie(session), "{\"organizationId\":\"" + home + "\"}"))
                .andExpect(status().isNoContent()).andReturn();
        session = Api.sessionCookie(switched); // the switch gives the session a new id

        require(strict, "EVERYONE", 0);
        mvc.perform(json(post("/api/v1/auth/organization").cookie(session), "{\"organizationId\":\"" + strict + "\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(containsString("requires a second factor")));
        mvc.perform(json(post("/api/v1/auth/organization").cookie(session), "{\"organizationId\":\"" + home + "\"}"))
                .andExpect(status().isForbidden());
        // the strictest organization decides: the next login is only a pending sign-in
        passwordLogin(person.email()).andExpect(jsonPath("$.secondFactorEnrolmentRequired").value(true));
    }

    @Test
    void administratorsOnlyLeavesOtherMembersAlone() throws Exception {
        OrgId org = world.customer(world.root(), "Admins 2FA " + UUID.randomUUID());
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var printManager = world.person(org, FixedRole.PRINT_MANAGER);
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        require(org, "ADMINS", 0);

        passwordLogin(member.email()).andExpect(jsonPath("$.secondFactorRequired").value(false))
                .andExpect(jsonPath("$.secondFactorEnrolBy").doesNotExist());
        passwordLogin(printManager.email()).andExpect(jsonPath("$.secondFactorRequired").value(false));
        passwordLogin(admin.email()).andExpect(jsonPath("$.secondFactorEnrolmentRequired").value(true));
    }

    @Test
    void onlyTheCustomerAdminsChangeTheRequirementAfterAStepUpAndTheChangeIsAudited() throws Exception {
        OrgId org = world.customer(world.root(), "Policy 2FA " + UUID.randomUUID());
        OrgId other = world.customer(world.root(), "Policy Other " + UUID.randomUUID());
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var member = world.person(org, FixedRole.CUSTOMER_USER);
        var otherAdmin = world.person(other, FixedRole.CUSTOMER_ADMIN);
        String body = "{\"requiredFor\":\"EVERYONE\",\"graceDays\":3}";
        String path = "/api/v1/organizations/" + org + "/second-factor-policy";

        mvc.perform(json(put(path), body)).andExpect(status().isUnauthorized());
        mvc.perform(json(put(path).cookie(Api.login(mvc, member.email(), World.PASSWORD)), body)).andExpect(status().isForbidden());
        mvc.perform(get(path).cookie(Api.login(mvc, member.email(), World.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(json(put(path).cookie(Api.login(mvc, otherAdmin.email(), World.PASSWORD)), body)).andExpect(status().isNotFound());
        Cookie adminSession = Api.login(mvc, admin.email(), World.PASSWORD);
        mvc.perform(json(put(path).cookie(adminSession), "{\"requiredFor\":\"EVERYONE\",\"graceDays\":91}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail").value(containsString("0 to 90 days")));
        mvc.perform(get(path).cookie(adminSession)).andExpect(status().isOk()).andExpect(jsonPath("$.requiredFor").value("OFF"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_second_factor_policy WHERE org_id = ?").param(org.value())
                .query(Integer.class).single()).isZero();

        // an admin with an app of their own must have proved it in the last 10 minutes
        String secret = enrol(adminSession);
        clock.advance(RecentSecondFactor.VALID_FOR.plusMinutes(1));
        mvc.perform(json(put(path).cookie(adminSession), body)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_second_factor_policy WHERE org_id = ?").param(org.value())
                .query(Integer.class).single()).isZero();
        mvc.perform(json(post("/api/v1/auth/step-up").cookie(adminSession),
                "{\"code\":\"" + TotpCodes.code(secret, TotpCodes.stepAt(clock.instant())) + "\"}")).andExpect(status().isNoContent());
        mvc.perform(json(put(path).cookie(adminSession), body)).andExpect(status().isOk())
                .andExpect(jsonPath("$.requiredFor").value("EVERYONE")).andExpect(jsonPath("$.graceDays").value(3))
                .andExpect(jsonPath("$.enrolBy").value(containsString(
                        clock.instant().plus(Duration.ofDays(3)).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString())));

        eventually(() -> assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE type = 'SECOND_FACTOR_POLICY_CHANGED' AND org_id = ?")
                .param(org.value()).query(String.class).list())
                .singleElement().asString().contains("requiredFor: OFF -> EVERYONE").contains("graceDays: 0 -> 3"));
    }

    @Test
    void aPersonWithoutAPasswordEnrolsAndTheirWrongCodesLockTheAccount() throws Exception {
        var person = world.person(world.customer(world.root(), "No Password " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        Cookie session = Api.login(mvc, person.email(), World.PASSWORD);
        // as a person of an organization that signs in through its identity provider only: no local password
        jdbc.sql("DELETE FROM identity_lockout WHERE user_id = ?").param(person.userId().value()).update();
        jdbc.sql("DELETE FROM identity_password WHERE user_id = ?").param(person.userId().value()).update();

        String secret = enrol(session);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            mvc.perform(json(post("/api/v1/auth/step-up").cookie(session), "{\"code\":\"000000\"}")).andExpect(status().isUnauthorized());
        }
        mvc.perform(json(post("/api/v1/auth/step-up").cookie(session),
                        "{\"code\":\"" + TotpCodes.code(secret, TotpCodes.stepAt(clock.instant())) + "\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(containsString("locked")));
        eventually(() -> assertThat(audit("ACCOUNT_LOCKED", person)).isEqualTo(1));
    }

    private String enrol(Cookie session) throws Exception {
        var started = mvc.perform(post("/api/v1/me/second-factor/totp").cookie(session)).andExpect(status().isOk()).andReturn();
        String secret = JsonPath.read(started.getResponse().getContentAsString(), "$.secret");
        mvc.perform(json(post("/api/v1/me/second-factor/totp/confirm").cookie(session),
                "{\"code\":\"" + TotpCodes.code(secret, TotpCodes.stepAt(clock.instant())) + "\"}")).andExpect(status().isOk());
        return secret;
    }

    private void require(OrgId org, String requiredFor, int graceDays) throws Exception {
        Cookie admin = Api.login(mvc, world.person(org, FixedRole.CUSTOMER_ADMIN).email(), World.PASSWORD);
        mvc.perform(json(put("/api/v1/organizations/" + org + "/second-factor-policy").cookie(admin),
                "{\"requiredFor\":\"" + requiredFor + "\",\"graceDays\":" + graceDays + "}")).andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions passwordLogin(String email) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                "{\"email\":\"" + email + "\",\"password\":\"" + World.PASSWORD + "\"}")).andExpect(status().isOk());
    }

    private int audit(String type, World.Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND subject = ?").params(type, person.userId().toString())
                .query(Integer.class).single();
    }
}
