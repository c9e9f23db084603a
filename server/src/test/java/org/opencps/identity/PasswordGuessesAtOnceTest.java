package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.PasswordCheckGate;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRODUCT.md §3 lockout against guesses sent at once: each attempt is counted before its password
 * is checked, so of any number arriving together at most 3 are checked (Argon2 runs counted by
 * {@link PasswordCheckGate}, which holds the checks until every attempt has been answered or has
 * reached its check); the rest are refused as locked, the right password among them too. The
 * portal's login form and the login at a printer use the same {@link PasswordLogins} code (IPP
 * Basic: ipp/IppPasswordGuessesAtOnceTest).
 */
@OpenCpsTest
@Import(PasswordCheckGate.Config.class)
class PasswordGuessesAtOnceTest {

    static final int GUESSES = 30;
    static final String LOCKED = "the account is locked for 30 minutes after 3 failed logins; try again later or reset your password";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordCheckGate checks;

    record Answer(int status, String body) {
    }

    ResultActions login(String email, String password) throws Exception {
        return mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    Callable<Answer> loginAttempt(String email, String password) {
        return () -> {
            var response = login(email, password).andReturn().getResponse();
            return new Answer(response.getStatus(), response.getContentAsString());
        };
    }

    World.Person watchedPerson(String org) {
        var person = world.person(world.customer(world.root(), org), FixedRole.CUSTOMER_USER);
        checks.watch(jdbc.sql("SELECT hash FROM identity_password WHERE user_id = ?").param(person.userId().value())
                .query(String.class).single());
        return person;
    }

    int audited(World.Person person, String reason) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_FAILED' AND actor_user_id = ? AND detail = ?")
                .params(person.userId().value(), reason).query(Integer.class).single();
    }

    @Test
    void ofThirtyGuessesSentAtOnceAtMostThreeAreCheckedAndTheRestRefusedAsLocked() throws Exception {
        var person = watchedPerson("Guessed At Once Co");
        List<Callable<Answer>> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            guesses.add(loginAttempt(person.email(), i == GUESSES / 2 ? World.PASSWORD : "Wrong-guess-" + i));
        }

        var race = checks.race(guesses);

        assertThat(race.passwordChecks()).isBetween(1, 3);
        List<Answer> refusedUnchecked = race.results().stream()
                .filter(answer -> answer.status() == 401 && answer.body().contains("\"detail\":\"" + LOCKED + "\"")).toList();
        assertThat(refusedUnchecked).hasSize(GUESSES - race.passwordChecks());
        assertThat(race.results().stream().filter(answer -> answer.status() == 200)).hasSizeLessThanOrEqualTo(1);
        assertThat(audited(person, "account locked")).isEqualTo(GUESSES - race.passwordChecks());

        // the account is locked now, for the right password too, and unlocks by itself
        login(person.email(), World.PASSWORD).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(LOCKED));
        clock.advance(Duration.ofMinutes(31));
        login(person.email(), World.PASSWORD).andExpect(status().isOk());
        assertThat(checks.checks()).isEqualTo(race.passwordChecks() + 1);
    }

    @Test
    void aRightPasswordCheckedWhileTheAccountWasLockedDoesNotUnlockIt() throws Exception {
        var person = watchedPerson("Locked Meanwhile Co");

        var race = checks.race(List.of(loginAttempt(person.email(), World.PASSWORD)), () -> {
            // while the right password is being checked, guesses lock the account
            login(person.email(), "Wrong-guess-1").andExpect(status().isUnauthorized());
            login(person.email(), "Wrong-guess-2").andExpect(status().isUnauthorized());
            login(person.email(), "Wrong-guess-3").andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("locked")));
        });

        assertThat(race.results()).singleElement().satisfies(answer -> assertThat(answer.status()).isEqualTo(200));
        login(person.email(), World.PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(LOCKED));
        clock.advance(Duration.ofMinutes(31));
        login(person.email(), World.PASSWORD).andExpect(status().isOk());
    }

    @Test
    void wrongCurrentPasswordsOnPasswordChangeCountTowardTheSameLockout() throws Exception {
        var person = watchedPerson("Change Guessed Co");
        Cookie session = Api.login(mvc, person.email(), World.PASSWORD);

        change(session, "Wrong-current-1").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the current password is wrong"));
        change(session, "Wrong-current-2").andExpect(status().isUnauthorized());
        login(person.email(), "Wrong-guess-3").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(LOCKED)));

        // locked: neither a login nor a change is checked, even with the right password, and nothing changed
        int checked = checks.checks();
        login(person.email(), World.PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(LOCKED));
        change(session, World.PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(LOCKED));
        assertThat(checks.checks()).isEqualTo(checked);
        clock.advance(Duration.ofMinutes(31));
        login(person.email(), "New-password-77").andExpect(status().isUnauthorized());
        login(person.email(), World.PASSWORD).andExpect(status().isOk());
    }

    @Test
    void guessesAtTheCurrentPasswordSentAtOnceAreCheckedAtMostThreeTimes() throws Exception {
        var person = watchedPerson("Change At Once Co");
        Cookie session = Api.login(mvc, person.email(), World.PASSWORD);
        checks.watch(jdbc.sql("SELECT hash FROM identity_password WHERE user_id = ?").param(person.userId().value())
                .query(String.class).single());
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String guess = "Wrong-current-" + i;
            guesses.add(() -> change(session, guess).andReturn().getResponse().getStatus());
        }

        var race = checks.race(guesses);

        assertThat(race.passwordChecks()).isEqualTo(3);
        assertThat(race.results()).containsOnly(401);
        login(person.email(), World.PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(LOCKED));
    }

    ResultActions change(Cookie session, String current) throws Exception {
        return mvc.perform(json(put("/api/v1/me/password").cookie(session),
                "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"New-password-77\"}"));
    }
}
