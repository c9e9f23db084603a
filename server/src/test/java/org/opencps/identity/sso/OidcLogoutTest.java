package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.SingleSignOn;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.platform.ids.UserId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * OpenID Connect RP-Initiated Logout 1.0 against mock-oauth2-server on loopback: signing out of the portal ends
 * OpenCPS's session first, then sends the browser to the provider's end_session_endpoint with the ID token of that
 * sign-in (kept sealed in the server-side session, never in a cookie), the client id, OpenCPS's post-logout landing and
 * a state; the landing accepts only that state, once, for that provider. A provider without end_session_endpoint gets
 * a local sign-out, and the page says its session may still be open.
 */
@SsoTest
class OidcLogoutTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired UserStore users;
    @Autowired SecondFactors factors;

    private SsoFixture fixture;
    private LogoutRecords records;

    @BeforeEach
    void setUp() {
        fixture = new SsoFixture(world, sso, clock);
        records = new LogoutRecords(jdbc);
    }

    private SsoBrowser signedIn(SsoFixture.Tenant tenant, String subject) throws Exception {
        fixture.idp().nextSignIn(tenant.issuerId(), subject, MockIdentityProvider.person(tenant.email(subject), "Rita", null));
        var browser = new SsoBrowser(mvc);
        assertThat(browser.open(tenant.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/");
        return browser;
    }

    @Test
    void signingOutEndsTheSessionThenGoesToTheProviderWithTheIdTokenAndTheLandingChecksTheState() throws Exception {
        var acme = fixture.tenant(unique("rp-logout"));
        var browser = signedIn(acme, "rita");
        var session = browser.session();
        List<String> sessionAttributes = jdbc.sql("SELECT attribute_bytes FROM spring_session_attributes")
                .query((row, n) -> new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).list();

        var signingOut = browser.logout();

        assertThat(signingOut.getResponse().getStatus()).isEqualTo(200);
        assertThat(signingOut.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        URI endSession = SsoBrowser.providerSignOut(signingOut);
        String issuer = fixture.idp().issuer(acme.issuerId());
        assertThat(endSession.getScheme() + "://" + endSession.getRawAuthority() + endSession.getRawPath()).isEqualTo(issuer + "/endsession");
        var parameters = parameters(endSession);
        assertThat(parameters).containsOnlyKeys("id_token_hint", "client_id", "post_logout_redirect_uri", "state");
        assertThat(parameters.get("client_id")).isEqualTo(acme.provider().clientId());
        assertThat(parameters.get("post_logout_redirect_uri")).endsWith("/sso/oidc/signed-out/" + acme.provider().id());
        var idToken = SignedJWT.parse(parameters.get("id_token_hint"));
        var key = JWKSet.load(URI.create(issuer + "/jwks").toURL()).getKeyByKeyId(idToken.getHeader().getKeyID()).toRSAKey();
        assertThat(idToken.verify(new RSASSAVerifier(key))).as("signed by the provider").isTrue();
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo("rita");
        assertThat(idToken.getJWTClaimsSet().getAudience()).contains(acme.provider().clientId());
        // kept in the session on the server, sealed: its bytes there never show the token
        String signaturePart = parameters.get("id_token_hint").substring(parameters.get("id_token_hint").lastIndexOf('.') + 1);
        assertThat(sessionAttributes).anyMatch(bytes -> bytes.contains("org.opencps.identity.ProviderSession"))
                .noneMatch(bytes -> bytes.contains(signaturePart));
        assertThat(session.getValue()).doesNotContain(signaturePart);

        URI back = browser.signOutAtProvider(endSession);
        assertThat(back.getRawPath()).isEqualTo("/sso/oidc/signed-out/" + acme.provider().id());
        var landing = browser.openAt(back);

        assertThat(landing.getResponse().getStatus()).isEqualTo(200);
        assertThat(landing.getResponse().getContentAsString()).contains("signed out of OpenCPS and of your");
        assertThat(records.pending(acme.org())).isZero();
        eventually(() -> assertThat(records.audit(acme.org())).containsExactlyInAnyOrder(
                "oidc sent_to_provider", "oidc confirmed_by_provider"));
    }

    @Test
    void theLandingRefusesAForgedAReplayedOrAnotherProvidersStateAndChangesNothing() throws Exception {
        var acme = fixture.tenant(unique("rp-state"));
        var other = fixture.tenant(unique("rp-bystander"));
        var browser = signedIn(acme, "sam");
        URI back = browser.signOutAtProvider(SsoBrowser.providerSignOut(browser.logout()));
        String state = parameters(back).get("state");

        assertRefused(browser.openAt(URI.create("/sso/oidc/signed-out/" + acme.provider().id() + "?state=" + "A".repeat(43))));
        assertRefused(browser.openAt(URI.create("/sso/oidc/signed-out/" + acme.provider().id() + "?other=1")));
        assertRefused(browser.openAt(URI.create("/sso/oidc/signed-out/" + other.provider().id() + "?state=" + state)));

        assertThat(records.pending(acme.org())).isEqualTo(1);
        allEventsDelivered(jdbc);
        assertThat(records.audit(acme.org())).containsExactly("oidc sent_to_provider");
        assertThat(records.audit(other.org())).isEmpty();

        assertThat(browser.openAt(back).getResponse().getStatus()).isEqualTo(200);
        assertRefused(new SsoBrowser(mvc).openAt(back));
        eventually(() -> assertThat(records.audit(acme.org())).containsExactlyInAnyOrder(
                "oidc sent_to_provider", "oidc confirmed_by_provider"));
        allEventsDelivered(jdbc);
        assertThat(records.audit(acme.org())).hasSize(2);
    }

    @Test
    void aProviderWithoutEndSessionEndpointGetsALocalSignOutAndThePageSaysItsSessionMayStayOpen() throws Exception {
        var acme = fixture.tenant(unique("rp-none"));
        // mock-oauth2-server always names one; this is what OpenCPS keeps for a discovery document without it
        jdbc.sql("UPDATE identity_oidc_provider SET end_session_endpoint = NULL WHERE id = ?").param(acme.provider().id()).update();
        var browser = signedIn(acme, "tom");
        var session = browser.session();

        var signedOut = browser.logout();

        assertThat(signedOut.getResponse().getRedirectedUrl()).isEqualTo("/login?done=logout_provider_open");
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        assertThat(browser.openAt(URI.create("/login?done=logout_provider_open")).getResponse().getContentAsString())
                .contains("your session there may still be open");
        assertThat(records.pending(acme.org())).isZero();
        eventually(() -> assertThat(records.audit(acme.org())).containsExactly("oidc local_only"));
    }

    @Test
    void theProviderSessionIsKeptThroughOpenCpsOwnSecondStep() throws Exception {
        var acme = fixture.tenant(unique("rp-2fa"));
        signedIn(acme, "una");
        UserId una = users.findByEmail(acme.email("una")).orElseThrow().id();
        var enrolment = factors.startTotp(una);
        factors.confirmTotp(una, TotpCodes.code(enrolment.secret(), TotpCodes.stepAt(clock.instant())));
        clock.advance(Duration.ofSeconds(30));
        fixture.idp().nextSignIn(acme.issuerId(), "una", MockIdentityProvider.person(acme.email("una"), "Una", null));
        var browser = new SsoBrowser(mvc);
        assertThat(browser.open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        browser.submitFrom("/login/second-factor", "/login/second-factor",
                "code=" + TotpCodes.code(enrolment.secret(), TotpCodes.stepAt(clock.instant())));
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk());

        var signingOut = browser.logout();

        assertThat(parameters(SsoBrowser.providerSignOut(signingOut))).containsKeys("id_token_hint", "state");
    }

    @Test
    void aPersonWhoSignedInWithAPasswordSignsOutLocallyAsBefore() throws Exception {
        var acme = fixture.tenant(unique("rp-password"));
        var person = world.person(acme.org(), org.opencps.access.FixedRole.CUSTOMER_USER);
        var browser = new SsoBrowser(mvc);
        browser.submitLoginOnly("/login", "email=" + person.email() + "&password=" + World.PASSWORD);

        assertThat(browser.logout().getResponse().getRedirectedUrl()).isEqualTo("/login?done=logout");
        allEventsDelivered(jdbc);
        assertThat(records.audit(acme.org())).isEmpty();
    }

    private static void assertRefused(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("could not be checked, so nothing was done");
    }

    private static Map<String, String> parameters(URI url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int at = pair.indexOf('=');
            parameters.put(pair.substring(0, at), URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
