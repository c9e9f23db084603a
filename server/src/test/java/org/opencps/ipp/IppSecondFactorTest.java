package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.model.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.SecondFactorPolicies;
import org.opencps.identity.SecondFactorPolicy;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.printing.PrintJobs;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A print queue cannot ask for a second factor: once a person has one, their password alone no longer opens their
 * queue (even one the server remembered from before), and a personal API token serves as the app password.
 */
@OpenCpsTest
class IppSecondFactorTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired PrintQueues queues;
    @Autowired PrintJobs printJobs;
    @Autowired ApiTokens tokens;
    @Autowired SecondFactors factors;
    @Autowired MutableClock clock;
    @Autowired SecondFactorPolicies policies;

    @Test
    void thePasswordAloneStopsOpeningTheQueueOnceThePersonHasASecondFactor() throws Exception {
        var calls = new IppCalls(mvc);
        var person = world.person(world.customer(world.root(), Ipp.unique("Ipp 2FA Co")), FixedRole.CUSTOMER_USER);
        String path = "/ipp/print/" + queues.mine(person.actor()).id();
        assertThat(Ipp.status(calls.ipp(path, printJob(), Ipp.basic(person.email(), World.PASSWORD)))).isEqualTo(Status.successfulOk);

        String token = tokens.create(person.actor(), "laptop", 30).secret();
        var enrolment = factors.startTotp(person.userId());
        factors.confirmTotp(person.userId(), TotpCodes.code(enrolment.secret(), TotpCodes.stepAt(clock.instant())));
        clock.advance(Duration.ofSeconds(60));

        assertThat(calls.http(path, printJob(), Ipp.basic(person.email(), World.PASSWORD), true).getStatus()).isEqualTo(401);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
        assertThat(Ipp.status(calls.ipp(path, printJob(), Ipp.basic(person.email(), token)))).isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).hasSize(2);
    }

    @Test
    void aPersonWhoseOrganizationRequiresASecondFactorCannotPrintWithThePasswordAfterTheGracePeriod() throws Exception {
        var calls = new IppCalls(mvc);
        var org = world.customer(world.root(), Ipp.unique("Ipp Required 2FA Co"));
        var person = world.person(org, FixedRole.CUSTOMER_USER);
        var admin = world.person(org, FixedRole.CUSTOMER_ADMIN);
        String path = "/ipp/print/" + queues.mine(person.actor()).id();
        String token = tokens.create(person.actor(), "laptop", 30).secret();
        policies.setPolicy(admin.actor(), org, new SecondFactorPolicy(SecondFactorPolicy.RequiredFor.EVERYONE, 1, false, null, null));
        // within the grace period the password still prints
        assertThat(Ipp.status(calls.ipp(path, printJob(), Ipp.basic(person.email(), World.PASSWORD)))).isEqualTo(Status.successfulOk);

        clock.advance(Duration.ofDays(1));
        var refused = calls.http(path, printJob(), Ipp.basic(person.email(), World.PASSWORD), true);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(printJobs.mine(person.actor())).hasSize(1);
        assertThat(Ipp.status(calls.ipp(path, printJob(), Ipp.basic(person.email(), token)))).isEqualTo(Status.successfulOk);
        assertThat(printJobs.mine(person.actor())).hasSize(2);
    }

    private byte[] printJob() {
        return Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1));
    }
}
