package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.Altchas;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.Outbox;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@OpenCpsTest
@TestPropertySource(properties = "opencps.security.signup-enabled=true")
class SelfServiceTest {

    static final String NEW_PASSWORD = "Brand-new-pass-7";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Outbox outbox;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    ResultActions signUp(String email, String password) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/signup"),
                "{\"email\":\"" + email + "\",\"displayName\":\"New Person\",\"password\":\"" + password + "\"}"));
    }

    ResultActions login(String email, String password) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()), "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    ResultActions requestReset(String email) throws Exception {
        String challenge = mvc.perform(get("/api/v1/auth/challenge")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return mvc.perform(json(post("/api/v1/auth/password-reset").with(Api.fromOwnAddress()),
                "{\"email\":\"" + email + "\",\"altcha\":\"" + Altchas.solve(challenge) + "\"}"));
    }

    ResultActions completeReset(String token, String password) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/password-reset/complete"),
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}"));
    }

    @Test
    void signUpNeedsAVerifiedAddressBeforeTheFirstLogin() throws Exception {
        signUp("fresh@example.org", World.PASSWORD).andExpect(status().isAccepted());
        login("fresh@example.org", World.PASSWORD).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("verify your e-mail")));
        String token = outbox.lastToken("fresh@example.org", "ver_");
        mvc.perform(json(post("/api/v1/auth/verify-email"), "{\"token\":\"" + token + "\"}")).andExpect(status().isNoContent());
        mvc.perform(json(post("/api/v1/auth/verify-email"), "{\"token\":\"" + token + "\"}")).andExpect(status().isNotFound());
        login("fresh@example.org", World.PASSWORD).andExpect(status().isOk());
        eventually(() -> assertThat(auditedActionsOf("fresh@example.org")).contains("SIGNED_UP", "EMAIL_VERIFIED"));
    }

    /** What the audit trail recorded the person doing, in order. */
    private List<String> auditedActionsOf(String email) {
        return jdbc.sql("SELECT a.type FROM audit_event a JOIN identity_user u ON u.id = a.actor_user_id"
                        + " WHERE u.email = ? ORDER BY a.occurred_at, a.seq")
                .param(email).query(String.class).list();
    }

    @Test
    void verificationLinksExpireAfter24Hours() throws Exception {
        signUp("late@example.org", World.PASSWORD).andExpect(status().isAccepted());
        String token = outbox.lastToken("late@example.org", "ver_");
        clock.advance(Duration.ofHours(24));
        mvc.perform(json(post("/api/v1/auth/verify-email"), "{\"token\":\"" + token + "\"}")).andExpect(status().isNotFound());
    }

    @Test
    void disposableAddressesAndWeakPasswordsAreRefusedAndNothingIsCreated() throws Exception {
        signUp("someone@mailinator.com", World.PASSWORD).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("email"));
        signUp("weak@example.org", "password").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("password"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_user WHERE email IN ('someone@mailinator.com', 'weak@example.org')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void signingUpWithAnExistingAddressLooksTheSameAndCreatesNothing() throws Exception {
        var person = world.person(world.customer(world.root(), "Existing Co"), FixedRole.CUSTOMER_USER);
        signUp(person.email(), World.PASSWORD).andExpect(status().isAccepted());
        assertThat(outbox.messagesTo(person.email())).singleElement().asString().contains("already has an account");
    }

    @Test
    void passwordResetByEmailedSingleUseLink() throws Exception {
        var person = world.person(world.customer(world.root(), "Reset Self Co"), FixedRole.CUSTOMER_USER);
        var oldSession = Api.login(mvc, person.email(), World.PASSWORD);
        requestReset(person.email()).andExpect(status().isAccepted());
        eventually(() -> assertThat(auditedActionsOf(person.email())).contains("PASSWORD_RESET_REQUESTED"));
        String token = outbox.lastToken(person.email(), "rst_");
        completeReset(token, World.PASSWORD).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("previous passwords")));
        requestReset(person.email()).andExpect(status().isAccepted());
        String second = outbox.lastToken(person.email(), "rst_");
        completeReset(token, NEW_PASSWORD).andExpect(status().isNotFound());
        completeReset(second, NEW_PASSWORD).andExpect(status().isNoContent());
        completeReset(second, "Another-pass-8").andExpect(status().isNotFound());
        login(person.email(), World.PASSWORD).andExpect(status().isUnauthorized());
        login(person.email(), NEW_PASSWORD).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(oldSession)).andExpect(status().isUnauthorized());
    }

    @Test
    void resetLinksExpireAfterOneHour() throws Exception {
        var person = world.person(world.customer(world.root(), "Hour Co"), FixedRole.CUSTOMER_USER);
        requestReset(person.email()).andExpect(status().isAccepted());
        eventually(() -> assertThat(auditedActionsOf(person.email())).contains("PASSWORD_RESET_REQUESTED"));
        String token = outbox.lastToken(person.email(), "rst_");
        clock.advance(Duration.ofMinutes(59));
        requestReset(person.email()).andExpect(status().isAccepted());
        String fresh = outbox.lastToken(person.email(), "rst_");
        clock.advance(Duration.ofMinutes(60));
        completeReset(fresh, NEW_PASSWORD).andExpect(status().isNotFound());
        completeReset(token, NEW_PASSWORD).andExpect(status().isNotFound());
    }

    @Test
    void resetNeedsASolvedChallengeAndIsRateLimitedPerAddress() throws Exception {
        mvc.perform(json(post("/api/v1/auth/password-reset"), "{\"email\":\"x@example.org\",\"altcha\":\"bm9wZQ==\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("altcha"));
        requestReset("nobody-here@example.org").andExpect(status().isAccepted());
        requestReset("nobody-here@example.org").andExpect(status().isAccepted());
        requestReset("nobody-here@example.org").andExpect(status().isAccepted());
        requestReset("nobody-here@example.org").andExpect(status().isTooManyRequests());
        assertThat(outbox.messagesTo("nobody-here@example.org")).isEmpty();
    }
}
