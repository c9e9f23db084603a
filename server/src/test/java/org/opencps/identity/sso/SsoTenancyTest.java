package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.identity.sso.OidcSignInTest.with;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.OidcPreset;
import org.opencps.identity.OidcProviderSettings;
import org.opencps.identity.SingleSignOn;
import org.opencps.identity.User;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.UserId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An identity is bound to (issuer, subject), and a provider signs people into its own organization only: another
 * provider asserting a known address takes over no account, and an ID token meant for organization A's client
 * logs nobody into B.
 */
@SsoTest
class SsoTenancyTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired MutableClock clock;
    @Autowired UserStore users;
    @Autowired JdbcClient jdbc;

    private SsoFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SsoFixture(world, sso, clock);
    }

    @Test
    void aSecondProviderAssertingTheSameAddressCannotTakeOverTheAccount() throws Exception {
        var acme = fixture.tenant(unique("first-idp"));
        String email = acme.email("alice");
        fixture.idp().nextSignIn(acme.issuerId(), "alice-at-first", MockIdentityProvider.person(email, "Alice", null));
        assertThat(new SsoBrowser(mvc).open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/");
        UserId alice = users.findByEmail(email).orElseThrow().id();

        String second = unique("second-idp");
        sso.saveOidcProvider(acme.admin().actor(), acme.org(), new OidcProviderSettings(OidcPreset.GENERIC,
                fixture.idp().issuer(second), "another-client", "another-secret", List.of(), null, null, null, null,
                List.of(acme.domain())));
        fixture.idp().nextSignIn(second, "someone-else", MockIdentityProvider.person(email, "Mallory", null));
        var attacker = new SsoBrowser(mvc);

        assertThat(attacker.open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=account_not_linked");
        assertThat(attacker.session()).isNull();
        assertThat(users.findByEmail(email).orElseThrow().id()).isEqualTo(alice);
        assertThat(users.find(alice).orElseThrow().displayName()).isEqualTo("Alice");
        assertThat(identitiesOf(alice)).containsExactly(fixture.idp().issuer(acme.issuerId()) + " alice-at-first");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_external_identity WHERE subject = 'someone-else'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPasswordAccountWithTheAssertedAddressIsNotTakenOver() throws Exception {
        var acme = fixture.tenant(unique("password-owner"));
        var bob = new User(new UserId(UUID.randomUUID()), acme.email("bob"), "Bob", true, Instant.now());
        users.insert(bob);
        fixture.idp().nextSignIn(acme.issuerId(), "bob-at-idp", MockIdentityProvider.person(bob.email(), "Not Bob", null));
        var browser = new SsoBrowser(mvc);

        assertThat(browser.open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=account_not_linked");
        assertThat(browser.session()).isNull();
        assertThat(identitiesOf(bob.id())).isEmpty();
        assertThat(users.isMember(acme.org(), bob.id())).isFalse();
    }

    @Test
    void anIdTokenForOrganizationAsClientNeverSignsAnyoneIntoB() throws Exception {
        String shared = unique("shared-idp");
        var a = fixture.tenant(shared);
        var b = fixture.tenant(shared);
        String email = b.email("eve");
        // B's sign-in, but the provider answers with a token whose audience is A's client
        fixture.idp().nextSignIn(shared, "eve", with(MockIdentityProvider.person(email, "Eve", null), "aud", a.provider().clientId()));
        var browser = new SsoBrowser(mvc);

        assertThat(browser.open(b.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=failed");
        assertThat(browser.session()).isNull();
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void aPersonOfAsProviderIsNotSignedIntoB() throws Exception {
        var a = fixture.tenant(unique("idp-a"));
        var b = fixture.tenant(unique("idp-b"));
        String email = a.email("frank");
        fixture.idp().nextSignIn(a.issuerId(), "frank", MockIdentityProvider.person(email, "Frank", null));
        assertThat(new SsoBrowser(mvc).open(a.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/");
        UserId frank = users.findByEmail(email).orElseThrow().id();

        // B's provider vouches for the same address: B does not sign in A's domain
        fixture.idp().nextSignIn(b.issuerId(), "frank", MockIdentityProvider.person(email, "Frank", null));
        var browser = new SsoBrowser(mvc);
        assertThat(browser.open(b.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=domain_not_allowed");
        assertThat(browser.session()).isNull();
        assertThat(users.isMember(b.org(), frank)).isFalse();
    }

    @Test
    void aProvidersAnswerDeliveredToAnotherBrowserSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("stolen-code"));
        // no nextSignIn: the code is never redeemed, and the provider's queue of sign-ins is shared by all tests
        var victim = new SsoBrowser(mvc);
        var callback = victim.authorizeAtProvider(acme.startPath());

        var attacker = new SsoBrowser(mvc);
        assertThat(attacker.deliver(callback).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=failed");
        assertThat(attacker.session()).isNull();
        assertThat(users.findByEmail(acme.email("grace"))).isEmpty();
    }

    private List<String> identitiesOf(UserId user) {
        return jdbc.sql("SELECT issuer, subject FROM identity_external_identity WHERE user_id = ?").param(user.value())
                .query((rs, n) -> rs.getString("issuer") + " " + rs.getString("subject")).list();
    }
}
