package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onelogin.saml2.util.Util;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing out of the portal after a SAML sign-in, against pysaml2's IdP: OpenCPS ends its session first, then sends a
 * signed LogoutRequest naming the person as the assertion did (pysaml2 checks the signature and ends only the IdP
 * session whose NameID, format and SessionIndex match), and takes the IdP's signed LogoutResponse. Without a single
 * logout service in the IdP's metadata the sign-out is local and the page says the IdP session may stay open.
 */
@SsoTest
class SamlLogoutTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SamlProviders providers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private SamlFixture fixture;
    private LogoutRecords records;

    @BeforeEach
    void setUp() {
        fixture = new SamlFixture(world, providers, mvc, clock);
        records = new LogoutRecords(jdbc);
    }

    @Test
    void signingOutEndsTheSessionFirstThenTheIdpsSessionOfThatSignInAndTheIdpConfirms() throws Exception {
        var acme = fixture.tenant(unique("sp-slo"));
        String uid = unique("lena");
        fixture.idp.nextSignIn(Person.of(uid, acme.email("lena"), "Lena", null));
        var browser = new SsoBrowser(mvc);
        assertThat(browser.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = browser.session();
        String idpSession = idpSessionOf(acme, uid);

        var signingOut = browser.logout();

        assertThat(signingOut.getResponse().getStatus()).isEqualTo(200);
        assertThat(signingOut.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        // OpenCPS's session is over before the browser goes anywhere
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        URI atIdp = SsoBrowser.providerSignOut(signingOut);
        assertThat(atIdp.toString()).startsWith(fixture.idp.entityId().replace("/idp", "/slo/redirect") + "?SAMLRequest=")
                .contains("&SigAlg=", "&Signature=");
        var request = Util.loadXML(SamlTampering.redirectXml(atIdp, "SAMLRequest")).getDocumentElement();
        var nameId = SamlTampering.first(request, SamlTampering.ASSERTION_NS, "NameID");
        assertThat(nameId.getTextContent()).isEqualTo(uid);
        assertThat(nameId.getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(SamlTampering.first(request, SamlTampering.PROTOCOL_NS, "SessionIndex").getTextContent()).isEqualTo(idpSession);
        assertThat(records.pending(acme.org())).isEqualTo(1);

        URI back = browser.signOutAtProvider(atIdp);

        assertThat(fixture.idp.openSessions()).doesNotContainKey(idpSession);
        assertThat(back.getRawPath()).isEqualTo("/sso/saml/slo/" + acme.provider().id());
        var landing = browser.openAt(back);
        assertThat(landing.getResponse().getStatus()).isEqualTo(200);
        assertThat(landing.getResponse().getContentAsString()).contains("id=\"signed-out\"", "signed out of OpenCPS and of your");
        assertThat(records.pending(acme.org())).isZero();
        eventually(() -> assertThat(records.audit(acme.org())).containsExactlyInAnyOrder(
                "saml sent_to_provider", "saml confirmed_by_provider"));
    }

    @Test
    void anIdpWithoutSingleLogoutServiceGetsALocalSignOutAndThePageSaysItsSessionMayStayOpen() throws Exception {
        String metadata = fixture.idp.metadataXml().replaceAll("<(\\w+:)?SingleLogoutService [^>]*/>", "");
        assertThat(metadata).doesNotContain("SingleLogoutService");
        var acme = fixture.tenantWithMetadata(unique("no-slo"), metadata);
        String uid = unique("nils");
        fixture.idp.nextSignIn(Person.of(uid, acme.email("nils"), "Nils", null));
        var browser = new SsoBrowser(mvc);
        assertThat(browser.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = browser.session();

        var signedOut = browser.logout();

        assertThat(signedOut.getResponse().getRedirectedUrl()).isEqualTo("/login?done=logout_provider_open");
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        assertThat(browser.openAt(URI.create("/login?done=logout_provider_open")).getResponse().getContentAsString())
                .contains("your session there may still be open");
        assertThat(idpSessionOf(acme, uid)).isNotNull();
        assertThat(records.pending(acme.org())).isZero();
        eventually(() -> assertThat(records.audit(acme.org())).containsExactly("saml local_only"));
    }

    @Test
    void anIdpThatNoLongerKnowsTheSessionSaysSoAndThePageWarnsItMayStayOpen() throws Exception {
        var acme = fixture.tenant(unique("slo-unknown"));
        String uid = unique("olga");
        fixture.idp.nextSignIn(Person.of(uid, acme.email("olga"), "Olga", null));
        var browser = new SsoBrowser(mvc);
        browser.samlSignIn(acme.startPath(), fixture.idp);
        var signingOut = browser.logout();
        fixture.idp.forgetSession(idpSessionOf(acme, uid));

        var landing = browser.openAt(browser.signOutAtProvider(SsoBrowser.providerSignOut(signingOut)));

        assertThat(landing.getResponse().getStatus()).isEqualTo(200);
        assertThat(landing.getResponse().getContentAsString()).contains("could not end your session there");
        assertThat(records.pending(acme.org())).isZero();
        eventually(() -> assertThat(records.audit(acme.org())).containsExactlyInAnyOrder(
                "saml sent_to_provider", "saml provider_reported_failure"));
    }

    private String idpSessionOf(SamlFixture.Tenant tenant, String uid) {
        return fixture.idp.openSessions().entrySet().stream()
                .filter(e -> e.getValue().get("uid").equals(uid) && e.getValue().get("sp").equals(tenant.provider().spEntityId()))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }
}
