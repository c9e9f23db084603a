package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.model.Status;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.SignInPolicy;
import org.opencps.identity.SingleSignOn;
import org.opencps.identity.sso.SsoFixture;
import org.opencps.identity.sso.SsoTest;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The queue of a person in an SSO-only organization takes their API token as the app password, never their password. */
@SsoTest
class IppSsoOnlyTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired MutableClock clock;
    @Autowired PrintQueues queues;
    @Autowired ApiTokens tokens;

    @Test
    void thePasswordIsRefusedAndTheApiTokenWorks() throws Exception {
        var acme = new SsoFixture(world, sso, clock).tenant(Ipp.unique("ipp-sso-only"));
        var person = world.person(acme.org(), FixedRole.CUSTOMER_USER);
        var calls = new IppCalls(mvc);
        String path = "/ipp/print/" + queues.mine(person.actor()).id();
        String token = tokens.create(person.actor(), "printer", 30).secret();
        sso.setSignInPolicy(acme.admin().actor(), acme.org(), new SignInPolicy(true, null));

        var withPassword = calls.http(path, Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1)), Ipp.basic(person.email(), World.PASSWORD), true);
        assertThat(withPassword.getStatus()).isEqualTo(401);

        var withToken = calls.ipp(path, Ipp.bytes(Ipp.printJob("application/pdf").build(), Ipp.pdf(1)), Ipp.basic(person.email(), token));
        assertThat(Ipp.status(withToken)).isEqualTo(Status.successfulOk);
    }
}
