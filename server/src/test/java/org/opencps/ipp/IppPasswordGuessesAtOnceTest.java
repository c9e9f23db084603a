package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.printing.PrintJobs;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.PasswordCheckGate;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account lockout holds for HTTP Basic on a queue too: of 30 guesses sent at once (the right
 * password among them) at most 3 passwords are checked, the rest are refused as locked, and the
 * account stays locked for the right password. (API login: identity/PasswordGuessesAtOnceTest.)
 */
@OpenCpsTest
@Import(PasswordCheckGate.Config.class)
class IppPasswordGuessesAtOnceTest {

    static final int GUESSES = 30;

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordCheckGate checks;

    @Test
    void ofThirtyBasicGuessesSentAtOnceAtMostThreeAreCheckedAndTheRestRefusedAsLocked() throws Exception {
        var calls = new IppCalls(mvc);
        var person = world.person(world.customer(world.root(), Ipp.unique("Basic Guessed Co")), FixedRole.CUSTOMER_USER);
        String path = "/ipp/print/" + queues.mine(person.actor()).id();
        checks.watch(jdbc.sql("SELECT hash FROM identity_password WHERE user_id = ?").param(person.userId().value())
                .query(String.class).single());
        byte[] printJob = Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1));
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            String password = i == GUESSES / 2 ? World.PASSWORD : "Wrong-guess-" + i;
            guesses.add(() -> calls.http(path, printJob, Ipp.basic(person.email(), password), true).getStatus());
        }

        var race = checks.race(guesses);

        assertThat(race.passwordChecks()).isBetween(1, 3);
        assertThat(race.results()).allMatch(status -> status == 401 || status == 200);
        long accepted = race.results().stream().filter(status -> status == 200).count();
        assertThat(accepted).isLessThanOrEqualTo(1);
        assertThat(printJobs.mine(person.actor())).hasSize((int) accepted);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_FAILED' AND actor_user_id = ? AND detail = ?")
                .params(person.userId().value(), "account locked").query(Integer.class).single())
                .isEqualTo(GUESSES - race.passwordChecks());

        // past the minute a successful Basic login is remembered, the right password is refused while locked
        clock.advance(Duration.ofMinutes(2));
        assertThat(calls.http(path, printJob, Ipp.basic(person.email(), World.PASSWORD), true).getStatus()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(29));
        assertThat(calls.http(path, printJob, Ipp.basic(person.email(), World.PASSWORD), true).getStatus()).isEqualTo(200);
        assertThat(checks.checks()).isEqualTo(race.passwordChecks() + 1);
    }
}
