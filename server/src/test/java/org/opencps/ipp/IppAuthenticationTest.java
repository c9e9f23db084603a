package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;

import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.LoginOutcome;
import org.opencps.identity.PasswordLogins;
import org.opencps.identity.Passwords;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.PrintJobs;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Everything but Get-Printer-Attributes needs HTTP Basic with the owner's e-mail address and
 * password or API token, over TLS; the login's lockout and audit apply; other people get 403.
 */
@OpenCpsTest
class IppAuthenticationTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired ApiTokens tokens;
    @Autowired Passwords passwords;
    @Autowired PasswordLogins logins;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    IppCalls calls;
    OrgId org;
    World.Person person;
    String path;

    @BeforeEach
    void queue() {
        calls = new IppCalls(mvc);
        org = world.customer(world.root(), Ipp.unique("Auth Co"));
        person = world.person(org, FixedRole.CUSTOMER_USER);
        path = "/ipp/print/" + queues.mine(person.actor()).id();
    }

    @Test
    void withoutCredentialsTheAnswerIs401WithTheBasicChallengeAndNothingIsStored() throws Exception {
        var response = calls.http(path, printJob(), null, true);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenCPS\", charset=\"UTF-8\"");
        assertNothingStored();
    }

    @Test
    void thePasswordWorksOverTls() throws Exception {
        var response = calls.ipp(path, printJob(), Ipp.basic(person.email(), World.PASSWORD));

        assertThat(Ipp.status(response)).isEqualTo(Status.successfulOk);
        assertThat(Ipp.jobState(response)).isEqualTo(4);
        assertThat(Ipp.job(response).getStrings(com.hp.jipp.model.Types.jobStateReasons)).containsExactly("job-hold-until-specified");
        assertThat(printJobs.mine(person.actor())).singleElement().satisfies(job -> assertThat(job.name()).isEqualTo("test job"));
    }

    @Test
    void aPasswordOverPlainHttpIsRefusedByDefault() throws Exception {
        var response = calls.http(path, printJob(), Ipp.basic(person.email(), World.PASSWORD), false);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("HTTPS");
        assertNothingStored();
    }

    @Test
    void aPersonalApiTokenServesAsTheAppPassword() throws Exception {
        String token = tokens.create(person.actor(), "laptop", 30).secret();

        var response = calls.ipp(path, printJob(), Ipp.basic(person.email(), token));

        assertThat(Ipp.status(response)).isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
        assertThat(calls.http(path, printJob(), Ipp.basic("someone.else@example.com", token), true).getStatus()).isEqualTo(401);
    }

    @Test
    void aTokenMadeInAnotherOrganizationIs403() throws Exception {
        OrgId second = world.customer(world.root(), Ipp.unique("Second Co"));
        world.join(person, second, FixedRole.CUSTOMER_USER);
        String tokenOfSecond = tokens.create(person.actor().inOrganization(second), "other", 30).secret();

        assertThat(calls.http(path, printJob(), Ipp.basic(person.email(), tokenOfSecond), true).getStatus()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void wrongPasswordsCountTowardsTheLockoutAndAreAudited() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(calls.http(path, printJob(), Ipp.basic(person.email(), "Wrong-pass-" + attempt), true).getStatus())
                    .isEqualTo(401);
        }
        // locked now: the right password is refused too, over IPP and everywhere else
        assertThat(calls.http(path, printJob(), Ipp.basic(person.email(), World.PASSWORD), true).getStatus()).isEqualTo(401);
        assertThat(logins.login(person.email(), World.PASSWORD, "192.0.2.1")).isInstanceOf(LoginOutcome.Failure.class);
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'ACCOUNT_LOCKED' AND actor_user_id = ?")
                .param(person.userId().value()).query(Integer.class).single()).isEqualTo(1));
        assertNothingStored();
    }

    @Test
    void someoneElsesQueueIs403AndNothingIsStored() throws Exception {
        var stranger = world.person(org, FixedRole.CUSTOMER_USER);

        var response = calls.http(path, printJob(), Ipp.basic(stranger.email(), World.PASSWORD), true);

        assertThat(response.getStatus()).isEqualTo(403);
        assertNothingStored();
        assertThat(printJobs.mine(stranger.actor())).isEmpty();
    }

    @Test
    void aRememberedPasswordStopsWorkingAsSoonAsItIsChanged() throws Exception {
        assertThat(Ipp.status(calls.ipp(path, printJob(), Ipp.basic(person.email(), World.PASSWORD)))).isEqualTo(Status.successfulOk);

        passwords.change(person.userId(), World.PASSWORD, "Another-Horse-7");

        assertThat(calls.http(path, printJob(), Ipp.basic(person.email(), World.PASSWORD), true).getStatus()).isEqualTo(401);
        assertThat(Ipp.status(calls.ipp(path, printJob(), Ipp.basic(person.email(), "Another-Horse-7")))).isEqualTo(Status.successfulOk);
    }

    @Test
    void aPersonWhoLeftTheOrganizationHasNoQueueThere() throws Exception {
        users.removeMember(world.person(org, FixedRole.CUSTOMER_ADMIN).actor(), org, person.userId());

        assertThat(calls.http(path, Ipp.bytes(Ipp.request(Operation.getPrinterAttributes)), null, true).getStatus()).isEqualTo(404);
    }

    private byte[] printJob() {
        return Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1));
    }

    private void assertNothingStored() {
        assertThat(printJobs.mine(person.actor())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ipp_job WHERE org_id = ?").param(org.value()).query(Integer.class).single()).isZero();
    }
}
