package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An authenticator app (TOTP) as second factor, through the API: enrolment, the second step of the login at and
 * around the window's edges on the injected clock, replay, the lockout shared with passwords, recovery codes,
 * and a pending sign-in that reaches nothing.
 */
@OpenCpsTest
class SecondFactorLoginTest {

    private static final Duration STEP = Duration.ofSeconds(TotpCodes.STEP_SECONDS);

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    World.Person person;
    String secret;
    List<String> recoveryCodes;

    @BeforeEach
    void enrol() throws Exception {
        person = world.person(world.customer(world.root(), "Second Factor Co " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        Cookie session = Api.login(mvc, person.email(), World.PASSWORD);
        var started = mvc.perform(post("/api/v1/me/second-factor/totp").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.otpauthUri").value(containsString("otpauth://totp/OpenCPS:"))).andReturn();
        secret = JsonPath.read(started.getResponse().getContentAsString(), "$.secret");
        var confirmed = mvc.perform(json(post("/api/v1/me/second-factor/totp/confirm").cookie(session),
                        "{\"code\":\"" + codeAt(0) + "\"}")).andExpect(status().isOk()).andReturn();
        recoveryCodes = JsonPath.read(confirmed.getResponse().getContentAsString(), "$.recoveryCodes");
        clock.advance(STEP.multipliedBy(3));
    }

    @Test
    void enrolmentKeepsTheSecretSealedAndIsAudited() throws Exception {
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        String stored = jdbc.sql("SELECT secret_sealed FROM identity_totp WHERE user_id = ?").param(person.userId().value())
                .query(String.class).single();
        assertThat(stored).doesNotContain(secret);
        assertThat(jdbc.sql("SELECT code_hash FROM identity_recovery_code WHERE user_id = ?").param(person.userId().value())
                .query(String.class).list()).hasSize(10).noneMatch(hash -> recoveryCodes.stream().anyMatch(hash::contains));
        eventually(() -> assertThat(audit("SECOND_FACTOR_TOTP_ENROLLED")).isEqualTo(1));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() throws Exception {
        secondStep(passwordStep(), codeAt(-2)).andExpect(status().isUnauthorized());
        secondStep(passwordStep(), codeAt(-1)).andExpect(status().isOk());
        clock.advance(STEP.multipliedBy(3));
        secondStep(passwordStep(), codeAt(0)).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(person.email()));
        clock.advance(STEP.multipliedBy(3));
        secondStep(passwordStep(), codeAt(2)).andExpect(status().isUnauthorized());
        secondStep(passwordStep(), codeAt(1)).andExpect(status().isOk());
    }

    @Test
    void aCodeIsAcceptedOnceAndNoEarlierCodeAfterIt() throws Exception {
        String code = codeAt(0);
        secondStep(passwordStep(), code).andExpect(status().isOk());
        secondStep(passwordStep(), code).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("already used")));
        secondStep(passwordStep(), codeAt(-1)).andExpect(status().isUnauthorized());
    }

    @Test
    void aPendingSignInReachesNothingButTheSecondStep() throws Exception {
        Cookie pending = passwordStep();
        mvc.perform(get("/api/v1/me").cookie(pending)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me/second-factor").cookie(pending)).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/v1/auth/organization").cookie(pending), "{\"organizationId\":\"" + person.orgId() + "\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/me/second-factor/totp").cookie(pending)).andExpect(status().isUnauthorized());
        mvc.perform(get("/").cookie(pending)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").cookie(pending)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_totp WHERE user_id = ?").param(person.userId().value())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSecondStepWaitsFiveMinutesAtMost() throws Exception {
        Cookie pending = passwordStep();
        clock.advance(Duration.ofMinutes(5));
        secondStep(pending, codeAt(0)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("sign in with your password first")));
    }

    @Test
    void wrongCodesCountTowardTheSameLockoutAsPasswords() throws Exception {
        Cookie pending = passwordStep();
        secondStep(pending, "000000".equals(codeAt(0)) ? "111111" : "000000").andExpect(status().isUnauthorized());
        secondStep(pending, "not-a-recovery-code").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("wrong or already used code"));
        mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                        "{\"email\":\"" + person.email() + "\",\"password\":\"Wrong-pass-1\"}")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("locked for 30 minutes")));
        // the right code is not even checked while the account is locked, nor is the right password
        secondStep(pending, codeAt(0)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(containsString("locked")));
        mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                "{\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")).andExpect(status().isUnauthorized());
        eventually(() -> assertThat(audit("ACCOUNT_LOCKED")).isEqualTo(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_FAILED' AND detail = 'wrong second-factor code' "
                + "AND actor_user_id = ?").param(person.userId().value()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRecoveryCodeWorksOnceAndNewOnesReplaceTheOldOnes() throws Exception {
        var signedIn = secondStep(passwordStep(), recoveryCodes.get(3).toUpperCase()).andExpect(status().isOk()).andReturn();
        Cookie session = Api.sessionCookie(signedIn);
        mvc.perform(get("/api/v1/me/second-factor").cookie(session)).andExpect(jsonPath("$.recoveryCodesLeft").value(9));
        secondStep(passwordStep(), recoveryCodes.get(3)).andExpect(status().isUnauthorized());

        var renewed = mvc.perform(post("/api/v1/me/second-factor/recovery-codes").cookie(session)).andExpect(status().isOk()).andReturn();
        List<String> fresh = JsonPath.read(renewed.getResponse().getContentAsString(), "$.recoveryCodes");
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(recoveryCodes);
        secondStep(passwordStep(), recoveryCodes.get(4)).andExpect(status().isUnauthorized());
        secondStep(passwordStep(), fresh.get(0)).andExpect(status().isOk());
    }

    @Test
    void removingTheAppEndsTheSecondStep() throws Exception {
        Cookie session = Api.sessionCookie(secondStep(passwordStep(), codeAt(0)).andExpect(status().isOk()).andReturn());
        mvc.perform(delete("/api/v1/me/second-factor/totp").cookie(session)).andExpect(status().isNoContent());
        mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                        "{\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.secondFactorRequired").value(false));
        eventually(() -> assertThat(audit("SECOND_FACTOR_TOTP_REMOVED")).isEqualTo(1));
    }

    @Test
    void aSecondAppCannotReplaceTheFirstAndAWrongFirstCodeIsRefused() throws Exception {
        Cookie session = Api.sessionCookie(secondStep(passwordStep(), codeAt(0)).andExpect(status().isOk()).andReturn());
        mvc.perform(post("/api/v1/me/second-factor/totp").cookie(session)).andExpect(status().isConflict());

        var other = world.person(person.orgId(), FixedRole.CUSTOMER_USER);
        Cookie otherSession = Api.login(mvc, other.email(), World.PASSWORD);
        mvc.perform(post("/api/v1/me/second-factor/totp").cookie(otherSession)).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/me/second-factor/totp/confirm").cookie(otherSession), "{\"code\":\"12345\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("code"));
        mvc.perform(get("/api/v1/me/second-factor").cookie(otherSession)).andExpect(jsonPath("$.totp").value(false));
    }

    /** The password step: the person's pending sign-in, as its session cookie. */
    private Cookie passwordStep() throws Exception {
        var result = mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                        "{\"email\":\"" + person.email() + "\",\"password\":\"" + World.PASSWORD + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secondFactorRequired").value(true))
                .andExpect(jsonPath("$.organizations").isEmpty())
                .andReturn();
        return Api.sessionCookie(result);
    }

    private ResultActions secondStep(Cookie pending, String code) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/second-factor").cookie(pending).with(Api.fromOwnAddress()),
                "{\"code\":\"" + code + "\"}"));
    }

    private String codeAt(int stepsFromNow) {
        return TotpCodes.code(secret, TotpCodes.stepAt(clock.instant()) + stepsFromNow);
    }

    private int audit(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND subject = ?").params(type, person.userId().toString())
                .query(Integer.class).single();
    }
}
