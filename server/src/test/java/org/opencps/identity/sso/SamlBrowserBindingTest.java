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
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.internal.saml.BrowserBinding;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A pending SAML sign-in belongs to the browser that started it (login CSRF, session fixation): an attacker who starts
 * a sign-in in their own browser cannot have a victim's browser post the IdP's genuine answer and so sign the victim
 * in as the attacker. Against pysaml2's IdP on loopback, with two browsers.
 */
@SsoTest
class SamlBrowserBindingTest {

    private static final String NOT_THIS_BROWSER = "/login?sso=not_this_browser";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SamlProviders providers;
    @Autowired UserStore users;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private SamlFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SamlFixture(world, providers, mvc, clock);
    }

    @Test
    void aResponseToASignInStartedInAnotherBrowserSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("login-csrf"));
        fixture.idp.nextSignIn(Person.of(unique("mallory"), acme.email("mallory"), "Mallory", null));
        var attacker = new SsoBrowser(mvc);
        var forMallory = attacker.samlResponseFor(acme.startPath(), fixture.idp);

        // the victim's browser started a sign-in of its own (so it has a binding cookie, just not the attacker's)
        var victim = new SsoBrowser(mvc);
        victim.start(acme.startPath());
        assertThat(victim.postSaml(forMallory).getResponse().getRedirectedUrl()).isEqualTo(NOT_THIS_BROWSER);
        assertThat(victim.session()).isNull();
        // and a browser without any binding cookie
        var bare = new SsoBrowser(mvc);
        assertThat(bare.postSaml(forMallory).getResponse().getRedirectedUrl()).isEqualTo(NOT_THIS_BROWSER);
        assertThat(bare.session()).isNull();
        assertThat(users.findByEmail(acme.email("mallory"))).isEmpty();

        // the answer was genuine and is still pending for the browser that asked for it
        assertThat(attacker.postSaml(forMallory).getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(attacker.session())).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(acme.email("mallory")));
    }

    @Test
    void twoSignInsStartedInTheSameBrowserBothFinish() throws Exception {
        var acme = fixture.tenant(unique("two-tabs"));
        fixture.idp.nextSignIn(Person.of(unique("tabea"), acme.email("tabea"), "Tabea", List.of()));
        var browser = new SsoBrowser(mvc);
        var firstTab = browser.samlResponseFor(acme.startPath(), fixture.idp);
        var secondTab = browser.samlResponseFor(acme.startPath(), fixture.idp);

        assertThat(browser.postSaml(secondTab).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(browser.postSaml(firstTab).getResponse().getRedirectedUrl()).isEqualTo("/");
        // each answer is used once, in its own browser too
        assertThat(browser.postSaml(firstTab).getResponse().getRedirectedUrl()).isEqualTo(NOT_THIS_BROWSER);
    }

    @Test
    void theBindingCookieIsHttpOnlyShortLivedCrossSiteOnlyOverHttpsAndOnlyItsHashIsStored() throws Exception {
        var acme = fixture.tenant(unique("cookie"));

        var plain = mvc.perform(get(acme.startPath())).andExpect(status().isFound()).andReturn().getResponse();
        assertThat(plain.getHeader("Set-Cookie")).startsWith("OPENCPS_SAML=")
                .contains("Path=/sso/saml/", "Max-Age=600", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        var https = mvc.perform(get(acme.startPath()).secure(true)).andExpect(status().isFound()).andReturn().getResponse();
        String header = https.getHeader("Set-Cookie");
        assertThat(header).startsWith("__Host-OPENCPS_SAML=")
                .contains("Path=/;", "Max-Age=600", "Secure", "HttpOnly", "SameSite=None");
        String value = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
        List<String> stored = jdbc.sql("SELECT browser_hash FROM identity_saml_request WHERE provider_id = ?")
                .param(acme.provider().id()).query(String.class).list();
        assertThat(stored).hasSize(2).contains(BrowserBinding.hash(value)).doesNotContain(value);
    }
}
