package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.Groups;
import org.opencps.identity.SingleSignOn;
import org.opencps.identity.internal.persistence.GroupStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Signing in through an organization's OpenID Connect provider, the whole way over HTTP: OpenCPS redirects to the
 * provider (a real one on loopback), the provider redirects back with a code, OpenCPS redeems it and checks the ID
 * token. The first sign-in creates the account; later ones follow the provider's name and groups.
 */
@SsoTest
class OidcSignInTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired MutableClock clock;
    @Autowired UserStore users;
    @Autowired GroupStore groups;
    @Autowired Groups groupFace;

    private SsoFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SsoFixture(world, sso, clock);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theFirstSignInCreatesTheAccountAndLaterOnesFollowNameAndGroups() throws Exception {
        var acme = fixture.tenant(unique("acme"));
        String email = acme.email("alice");
        var browser = new SsoBrowser(mvc);
        fixture.idp().nextSignIn(acme.issuerId(), "alice-subject", MockIdentityProvider.person(email, "Alice Archer",
                List.of("Finance", "Print users")));

        MvcResult done = browser.open(acme.startPath());

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.displayName").value("Alice Archer"))
                .andExpect(jsonPath("$.roles[0]").value("CUSTOMER_USER"));
        UserId alice = users.findByEmail(email).orElseThrow().id();
        assertThat(users.find(alice).orElseThrow().emailVerified()).isTrue();
        assertThat(groupNames(acme.org(), alice)).containsExactlyInAnyOrder("Finance", "Print users");

        var local = groupFace.create(acme.admin().actor(), acme.org(), "Third floor");
        groupFace.addMember(acme.admin().actor(), acme.org(), local.id(), alice);
        var again = new SsoBrowser(mvc);
        fixture.idp().nextSignIn(acme.issuerId(), "alice-subject", MockIdentityProvider.person(email, "Alice Baker",
                List.of("finance")));
        assertThat(again.open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/");

        assertThat(users.find(alice).orElseThrow().displayName()).isEqualTo("Alice Baker");
        assertThat(groupNames(acme.org(), alice)).containsExactlyInAnyOrder("Finance", "Third floor");
        assertThat(users.findByEmail(email).orElseThrow().id()).isEqualTo(alice);
    }

    @Test
    void anAddressTheProviderDoesNotCallVerifiedCreatesNothing() throws Exception {
        var acme = fixture.tenant(unique("unverified"));
        String email = acme.email("bob");
        var browser = new SsoBrowser(mvc);
        fixture.idp().nextSignIn(acme.issuerId(), "bob-subject", Map.of("email", email, "email_verified", false, "name", "Bob"));

        MvcResult done = browser.open(acme.startPath());

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/login?sso=email_not_verified");
        assertThat(browser.session()).isNull();
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void anAddressOutsideTheOrganizationsDomainsCreatesNothing() throws Exception {
        var acme = fixture.tenant(unique("domains"));
        var browser = new SsoBrowser(mvc);
        String email = "carol@elsewhere-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        fixture.idp().nextSignIn(acme.issuerId(), "carol-subject", MockIdentityProvider.person(email, "Carol", null));

        assertThat(browser.open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=domain_not_allowed");
        assertThat(browser.session()).isNull();
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void keysTheProviderRotatesArePickedUp() throws Exception {
        var acme = fixture.tenant(unique("rotation"));
        fixture.idp().nextSignIn(acme.issuerId(), "dan-subject", MockIdentityProvider.person(acme.email("dan"), "Dan", null));
        assertThat(new SsoBrowser(mvc).open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/");

        fixture.idp().rotateKeys();
        fixture.idp().nextSignIn(acme.issuerId(), "dan-subject", MockIdentityProvider.person(acme.email("dan"), "Dan", null));
        var browser = new SsoBrowser(mvc);

        assertThat(browser.open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(browser.session()).isNotNull();
    }

    @Test
    void theSignInUsesPkceStateAndNonce() throws Exception {
        var acme = fixture.tenant(unique("pkce"));
        MvcResult start = mvc.perform(get(acme.startPath())).andReturn();
        String authorize = start.getResponse().getRedirectedUrl();

        assertThat(authorize).startsWith(fixture.idp().issuer(acme.issuerId()))
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("state=").contains("nonce=")
                .contains("client_id=" + acme.provider().clientId());
        assertThat(start.getResponse().getCookie("OPENCPS_SESSION")).isNull();
    }

    private List<String> groupNames(OrgId org, UserId user) {
        return groups.groupsOf(org, user).stream().map(group -> group.name()).toList();
    }

    static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        var copy = new HashMap<>(claims);
        copy.put(name, value);
        return copy;
    }
}
