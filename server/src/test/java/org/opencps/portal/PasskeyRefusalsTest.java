package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.Passkeys;
import org.opencps.platform.config.PublicUrl;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.SoftwarePasskey;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who may not use or remove a passkey, and answers the server must not take: another person's passkey (same
 * organization or another tenant) is neither removable nor usable as someone else's second factor; a replayed
 * assertion, one for a challenge the server never issued, one signed for another origin and one from a copy of the
 * key (its signature counter behind the stored one) are refused. The passkey is a software one that signs what the
 * test chooses, so each refusal is the server's check, not a broken signature.
 */
@OpenCpsTest
@RealCsrfTokens
class PasskeyRefusalsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired Passkeys passkeys;
    @Autowired PublicUrl publicUrl;
    @Autowired JdbcClient jdbc;

    @Test
    void nobodyElseRemovesOrUsesMyPasskey() throws Exception {
        var org = world.customer(world.root(), "Passkey owners " + UUID.randomUUID());
        var owner = world.person(org, FixedRole.CUSTOMER_USER);
        var colleague = world.person(org, FixedRole.CUSTOMER_ADMIN);
        var otherTenant = world.person(world.customer(world.root(), "Passkey others " + UUID.randomUUID()), FixedRole.CUSTOMER_ADMIN);
        var ownersKey = new SoftwarePasskey(publicUrl.uri());
        register(owner, ownersKey, "Owner-key");
        UUID ownersPasskey = passkeys.of(owner.userId()).getFirst().id();

        // signed in fully (no factor of their own, so no step-up stands in the way): still not found
        for (var intruder : new World.Person[] {colleague, otherTenant}) {
            var visitor = new PortalVisitor(mvc);
            visitor.logIn(intruder.email());
            visitor.open("/account/second-factor");
            var removal = visitor.submit("/account/second-factor/passkeys/" + ownersPasskey + "/remove", "");
            assertThat(removal.getResponse().getStatus()).as(intruder.email()).isEqualTo(404);
        }
        assertThat(passkeys.of(owner.userId())).extracting(Passkeys.Passkey::name).containsExactly("Owner-key");
        register(colleague, new SoftwarePasskey(publicUrl.uri()), "Colleague-key");

        // the colleague's pending sign-in, answered with the owner's passkey on the colleague's own challenge
        var visitor = new PortalVisitor(mvc);
        visitor.logIn(colleague.email());
        visitor.open("/login/second-factor");
        String options = body(visitor.json("/login/second-factor/passkey/options", "{}"));
        var answer = visitor.json("/login/second-factor/passkey", ownersKey.assertion(options));
        assertThat(answer.getResponse().getStatus()).isEqualTo(401);
        assertThat(visitor.open("/jobs").getResponse().getRedirectedUrl()).contains("/login");
        assertThat(passkeys.of(owner.userId()).getFirst().lastUsedAt()).isNull();
        assertThat(failures(colleague)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void replayedAndForgedAssertionsAreRefused() throws Exception {
        var person = world.person(world.customer(world.root(), "Passkey replay " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        var key = new SoftwarePasskey(publicUrl.uri());
        register(person, key, "Laptop");

        var first = new PortalVisitor(mvc);
        first.open("/login");
        String assertion = key.assertion(body(first.json("/login/passkey/options", "{}")));
        assertThat(first.json("/login/passkey", assertion).getResponse().getStatus()).isEqualTo(200);
        assertThat(first.open("/account/second-factor").getResponse().getStatus()).isEqualTo(200);

        var replay = new PortalVisitor(mvc);
        replay.open("/login");
        assertThat(replay.json("/login/passkey", assertion).getResponse().getStatus()).as("replayed").isEqualTo(401);

        var unissued = new PortalVisitor(mvc);
        unissued.open("/login");
        String made = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes());
        assertThat(unissued.json("/login/passkey", key.assertion(made, key.origin())).getResponse().getStatus())
                .as("a challenge the server did not issue").isEqualTo(401);

        var elsewhere = new PortalVisitor(mvc);
        elsewhere.open("/login");
        String challenge = SoftwarePasskey.challengeOf(body(elsewhere.json("/login/passkey/options", "{}")));
        var fromEvil = elsewhere.json("/login/passkey", key.assertion(challenge, "https://evil.example"));
        assertThat(fromEvil.getResponse().getStatus()).as("signed for another origin").isEqualTo(401);
        assertThat(body(fromEvil)).contains("This passkey was not accepted");
        assertThat(elsewhere.open("/account/second-factor").getResponse().getRedirectedUrl()).contains("/login");

        // the second step refuses an answer to another ceremony's challenge too
        var second = new PortalVisitor(mvc);
        second.logIn(person.email());
        second.open("/login/second-factor");
        second.json("/login/second-factor/passkey/options", "{}");
        var wrongChallenge = second.json("/login/second-factor/passkey", key.assertion(made, key.origin()));
        assertThat(wrongChallenge.getResponse().getStatus()).isEqualTo(401);
        assertThat(second.open("/jobs").getResponse().getRedirectedUrl()).contains("/login");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'PASSKEY_USED' AND actor_user_id = ?")
                .param(person.userId().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCopyOfAPasskeyIsRefusedOnceTheOriginalHasCountedPastIt() throws Exception {
        var person = world.person(world.customer(world.root(), "Passkey clone " + UUID.randomUUID()), FixedRole.CUSTOMER_USER);
        var key = new SoftwarePasskey(publicUrl.uri());
        register(person, key, "Laptop");
        var copy = key.copy();

        assertThat(passkeySignIn(key)).isEqualTo(200);
        assertThat(passkeySignIn(key)).isEqualTo(200);
        // the copy's next counter (1) is below the stored one (2): refused, and nothing of it recorded
        assertThat(passkeySignIn(copy)).as("the copy").isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_FAILED' AND actor_user_id = ? AND detail LIKE ?")
                .params(person.userId().value(), "%did not advance%").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT signature_count FROM identity_passkey WHERE user_id = ?")
                .param(person.userId().value()).query(Long.class).single()).isEqualTo(2L);
        assertThat(passkeySignIn(key)).as("the original goes on").isEqualTo(200);
    }

    /** The status of a passwordless passkey sign-in with this key in a new browser. */
    private int passkeySignIn(SoftwarePasskey key) throws Exception {
        var visitor = new PortalVisitor(mvc);
        visitor.open("/login");
        return visitor.json("/login/passkey", key.assertion(body(visitor.json("/login/passkey/options", "{}")))).getResponse().getStatus();
    }

    private void register(World.Person person, SoftwarePasskey key, String name) throws Exception {
        var visitor = new PortalVisitor(mvc);
        visitor.logIn(person.email());
        visitor.open("/account/second-factor");
        String options = body(visitor.json("/account/second-factor/passkeys/options", "{}"));
        var registered = visitor.json("/account/second-factor/passkeys?name=" + name, key.register(options));
        assertThat(registered.getResponse().getStatus()).as(body(registered)).isEqualTo(200);
    }

    private int failures(World.Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'LOGIN_FAILED' AND actor_user_id = ? AND detail LIKE 'passkey refused%'")
                .param(person.userId().value()).query(Integer.class).single();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }
}
