package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.internal.persistence.GroupStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing in through an organization's SAML 2.0 IdP, the whole way over HTTP against pysaml2's IdP on loopback:
 * OpenCPS's signed AuthnRequest (pysaml2 refuses an unsigned one), pysaml2's signed (or encrypted) response posted to
 * the ACS, the account created and later updated from the attributes, the IdP's single logout ending the sessions.
 */
@SsoTest
class SamlSignInTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SamlProviders providers;
    @Autowired UserStore users;
    @Autowired GroupStore groups;
    @Autowired MutableClock clock;

    private SamlFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SamlFixture(world, providers, mvc, clock);
    }

    @Test
    void theFirstSignInCreatesTheAccountAndLaterOnesFollowNameAndGroups() throws Exception {
        var acme = fixture.tenant(unique("acme"));
        String email = acme.email("alice");
        String uid = unique("alice");
        fixture.idp.nextSignIn(Person.of(uid, email, "Alice Archer", List.of("Finance", "Print users")));
        var browser = new SsoBrowser(mvc);

        assertThat(browser.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");

        var me = mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk()).andReturn();
        assertThat(me.getResponse().getContentAsString()).contains("\"" + email + "\"", "\"Alice Archer\"", "\"CUSTOMER_USER\"");
        UserId alice = users.findByEmail(email).orElseThrow().id();
        assertThat(groupNames(acme.org(), alice)).containsExactlyInAnyOrder("Finance", "Print users");

        fixture.idp.nextSignIn(Person.of(uid, email, "Alice Baker", List.of("finance")));
        var again = new SsoBrowser(mvc);
        assertThat(again.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(users.find(alice).orElseThrow().displayName()).isEqualTo("Alice Baker");
        assertThat(groupNames(acme.org(), alice)).containsExactly("Finance");
    }

    @Test
    void anEncryptedAssertionIsDecryptedAndOneLeftInTheClearIsRefusedWhenEncryptionIsRequired() throws Exception {
        var acme = fixture.tenant(unique("encrypted"), new SamlFixture.Options(true, false, true, true));
        String uid = unique("erin");

        fixture.idp.nextSignIn(Person.of(uid, acme.email("erin"), "Erin", null));
        var clear = new SsoBrowser(mvc);
        assertThat(clear.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl())
                .isEqualTo("/login?sso=invalid_assertion");
        assertThat(clear.session()).isNull();
        assertThat(users.findByEmail(acme.email("erin"))).isEmpty();

        fixture.idp.nextSignIn(Person.of(uid, acme.email("erin"), "Erin", null).encrypted());
        var browser = new SsoBrowser(mvc);
        assertThat(browser.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(acme.email("erin")));
    }

    @Test
    void aSignedResponseIsRequiredWhenTheAdminSaysSo() throws Exception {
        var acme = fixture.tenant(unique("signed-response"), new SamlFixture.Options(false, true, false, true));
        String uid = unique("sam");

        fixture.idp.nextSignIn(Person.of(uid, acme.email("sam"), "Sam", null));
        var assertionOnly = new SsoBrowser(mvc);
        assertThat(assertionOnly.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl())
                .isEqualTo("/login?sso=invalid_assertion");

        fixture.idp.nextSignIn(Person.of(uid, acme.email("sam"), "Sam", null).signedResponseOnly());
        var browser = new SsoBrowser(mvc);
        assertThat(browser.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void homeRealmDiscoverySendsAnAddressOfTheDomainToTheSamlProvider() throws Exception {
        var acme = fixture.tenant(unique("hrd"));
        var browser = new SsoBrowser(mvc);

        var result = browser.submitLogin("/login/sso", "email=" + acme.email("hana"));

        assertThat(SsoBrowser.continuesTo(result)).isEqualTo(acme.startPath());
    }

    @Test
    void theIdpsSingleLogoutEndsThePersonsSessions() throws Exception {
        var acme = fixture.tenant(unique("slo"));
        String uid = unique("lou");
        fixture.idp.nextSignIn(Person.of(uid, acme.email("lou"), "Lou", null));
        var browser = new SsoBrowser(mvc);
        browser.samlSignIn(acme.startPath(), fixture.idp);
        var session = browser.session();
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());

        var logout = browser.openAt(fixture.idp.logoutRequest(acme.provider().spEntityId(), uid));

        String back = logout.getResponse().getRedirectedUrl();
        assertThat(back).startsWith(fixture.idp.entityId().replace("/idp", "/slo/redirect"));
        var atIdp = fixture.idp.get(java.net.URI.create(back));
        assertThat(atIdp.body()).isEqualTo("logged out: urn:oasis:names:tc:SAML:2.0:status:Success");
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
    }

    private List<String> groupNames(OrgId org, UserId user) {
        return groups.groupsOf(org, user).stream().map(group -> group.name()).toList();
    }
}
