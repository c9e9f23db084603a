package org.opencps.identity;

import static org.hamcrest.Matchers.containsString;
import static org.opencps.testing.Api.json;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Step-up: sensitive actions of a person with a second factor need a check of it in this login session within the
 * last 10 minutes; an API token never has one. Refused, nothing changes.
 */
@OpenCpsTest
class StepUpTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired SecondFactors factors;
    @Autowired ApiTokens tokens;

    World.Person admin;
    String secret;
    Cookie session;

    @BeforeEach
    void signInWithTheSecondFactor() throws Exception {
        admin = world.person(world.customer(world.root(), "Step Up Co " + UUID.randomUUID()), FixedRole.CUSTOMER_ADMIN);
        var enrolment = factors.startTotp(admin.userId());
        secret = enrolment.secret();
        factors.confirmTotp(admin.userId(), codeAt(0));
        clock.advance(Duration.ofMinutes(1));
        var pending = Api.sessionCookie(mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                "{\"email\":\"" + admin.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")).andReturn());
        session = Api.sessionCookie(mvc.perform(json(post("/api/v1/auth/second-factor").cookie(pending),
                "{\"code\":\"" + codeAt(0) + "\"}")).andExpect(status().isOk()).andReturn());
    }

    @Test
    void withinTenMinutesOfTheSignInSensitiveActionsNeedNoNewCheck() throws Exception {
        clock.advance(Duration.ofMinutes(10));
        mvc.perform(json(post("/api/v1/me/tokens").cookie(session), "{\"name\":\"cli\",\"lifetimeDays\":30}"))
                .andExpect(status().is2xxSuccessful());
    }

    @Test
    void afterTenMinutesTheyNeedAFreshCheckAndNothingChangesUntilThen() throws Exception {
        clock.advance(Duration.ofMinutes(11));
        mvc.perform(json(post("/api/v1/me/tokens").cookie(session), "{\"name\":\"cli\",\"lifetimeDays\":30}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(containsString("recent check of your second factor")));
        mvc.perform(json(put("/api/v1/me/password").cookie(session),
                        "{\"currentPassword\":\"" + World.PASSWORD + "\",\"newPassword\":\"Brand-New-Pass-7\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/me/second-factor/totp").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/second-factor/recovery-codes").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(json(put("/api/v1/organizations/" + admin.orgId() + "/settings").cookie(session), "{\"idleLogoutMinutes\":15,\"jobRetentionHours\":24}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/tokens").cookie(session)).andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/v1/me/second-factor").cookie(session)).andExpect(jsonPath("$.totp").value(true));
        mvc.perform(get("/api/v1/organizations/" + admin.orgId() + "/settings").cookie(session))
                .andExpect(jsonPath("$.idleLogoutMinutes").value(30));

        mvc.perform(json(post("/api/v1/auth/step-up").cookie(session), "{\"code\":\"" + codeAt(0) + "\"}")).andExpect(status().isNoContent());
        mvc.perform(json(post("/api/v1/me/tokens").cookie(session), "{\"name\":\"cli\",\"lifetimeDays\":30}"))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(json(put("/api/v1/organizations/" + admin.orgId() + "/settings").cookie(session), "{\"idleLogoutMinutes\":15,\"jobRetentionHours\":24}"))
                .andExpect(status().isOk());
    }

    @Test
    void aWrongStepUpCodeIsRefusedAndCountsTowardTheLockout() throws Exception {
        clock.advance(Duration.ofMinutes(11));
        String wrong = "000000".equals(codeAt(0)) ? "111111" : "000000";
        mvc.perform(json(post("/api/v1/auth/step-up").cookie(session), "{\"code\":\"" + wrong + "\"}")).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/v1/auth/step-up").cookie(session), "{\"code\":\"" + wrong + "\"}")).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/v1/auth/step-up").cookie(session), "{\"code\":\"" + wrong + "\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(containsString("locked")));
        mvc.perform(json(post("/api/v1/me/tokens").cookie(session), "{\"name\":\"cli\",\"lifetimeDays\":30}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anApiTokenCanNeverTakeASensitiveActionForAPersonWithASecondFactor() throws Exception {
        var made = mvc.perform(json(post("/api/v1/me/tokens").cookie(session), "{\"name\":\"script\",\"lifetimeDays\":30}"))
                .andExpect(status().is2xxSuccessful()).andReturn();
        String bearer = "Bearer " + JsonPath.read(made.getResponse().getContentAsString(), "$.secret");
        mvc.perform(json(post("/api/v1/me/tokens").header("Authorization", bearer), "{\"name\":\"another\",\"lifetimeDays\":30}"))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/auth/step-up").header("Authorization", bearer), "{\"code\":\"" + codeAt(0) + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/tokens").header("Authorization", bearer)).andExpect(jsonPath("$.length()").value(1));
    }

    private String codeAt(int stepsFromNow) {
        return TotpCodes.code(secret, TotpCodes.stepAt(clock.instant()) + stepsFromNow);
    }
}
