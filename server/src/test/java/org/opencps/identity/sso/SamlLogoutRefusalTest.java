package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.opencps.testing.Eventually.eventually;

import java.net.URI;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.internal.saml.SpKeys;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Who may not answer OpenCPS's SAML logout request: a LogoutResponse answering another organization's request, a
 * replayed one, a forged one and one answering a request OpenCPS never sent are refused (400), and change nothing: the
 * request stays open for its own answer, nothing is recorded. Each starts from the genuine answer of pysaml2's IdP;
 * where the attacker needs the IdP's signature, the edited answer is signed with the IdP's key (the control at the end
 * of {@link #aLogoutResponseAnsweringARequestOpenCpsNeverSentIsRefused} shows such a re-signed answer is otherwise
 * accepted).
 */
@SsoTest
class SamlLogoutRefusalTest {

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

    /** A person of the tenant signed out; the IdP's genuine answer is in the browser, not yet delivered. */
    private record Answer(SsoBrowser browser, URI genuine, String xml) {
    }

    private Answer signedOut(SamlFixture.Tenant tenant) throws Exception {
        String uid = unique("pat");
        fixture.idp.nextSignIn(Person.of(uid, tenant.email(uid), "Pat", null));
        var browser = new SsoBrowser(mvc);
        browser.samlSignIn(tenant.startPath(), fixture.idp);
        URI back = browser.signOutAtProvider(SsoBrowser.providerSignOut(browser.logout()));
        return new Answer(browser, back, SamlTampering.redirectXml(back, "SAMLResponse"));
    }

    @Test
    void aLogoutResponseForAnotherOrganizationsRequestIsRefused() throws Exception {
        var acme = fixture.tenant(unique("slo-a"));
        var other = fixture.tenant(unique("slo-b"));
        var answer = signedOut(acme);
        // the same IdP serves both: its signature and a Destination of B's endpoint make it B's in every way but the request
        String forB = answer.xml().replace(acme.provider().singleLogoutUrl(), other.provider().singleLogoutUrl());
        assertThat(forB).isNotEqualTo(answer.xml());

        var refused = deliver(answer.browser(), SamlTampering.signedLogoutResponse(other.provider().singleLogoutUrl(), forB, fixture.idp.key()));

        assertRefused(refused);
        assertNothingChanged(acme, other);
        assertThat(deliver(answer.browser(), answer.genuine()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aReplayedLogoutResponseIsRefused() throws Exception {
        var acme = fixture.tenant(unique("slo-replay"));
        var answer = signedOut(acme);
        assertThat(deliver(answer.browser(), answer.genuine()).getResponse().getStatus()).isEqualTo(200);

        assertRefused(deliver(new SsoBrowser(mvc), answer.genuine()));
        assertRefused(deliver(answer.browser(), answer.genuine()));

        eventually(() -> assertThat(records.audit(acme.org())).containsExactlyInAnyOrder(
                "saml sent_to_provider", "saml confirmed_by_provider"));
        allEventsDelivered(jdbc);
        assertThat(records.audit(acme.org())).hasSize(2);
    }

    @Test
    void aForgedLogoutResponseIsRefused() throws Exception {
        var acme = fixture.tenant(unique("slo-forged"));
        var other = fixture.tenant(unique("slo-bystander"));
        var answer = signedOut(acme);
        String endpoint = acme.provider().singleLogoutUrl();
        String unsigned = answer.genuine().toString().replaceAll("&Signature=[^&]*", "");

        assertRefused(deliver(answer.browser(), SamlTampering.signedLogoutResponse(endpoint, answer.xml(), attackerKey())));
        assertRefused(deliver(answer.browser(), URI.create(unsigned)));
        assertRefused(deliver(answer.browser(), SamlTampering.signedLogoutResponse(endpoint,
                answer.xml().replace(fixture.idp.entityId(), "http://attacker.test/idp"), fixture.idp.key())));

        assertNothingChanged(acme, other);
        assertThat(deliver(answer.browser(), answer.genuine()).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aLogoutResponseAnsweringARequestOpenCpsNeverSentIsRefused() throws Exception {
        var acme = fixture.tenant(unique("slo-wrong-irt"));
        var other = fixture.tenant(unique("slo-bystander"));
        var answer = signedOut(acme);
        String endpoint = acme.provider().singleLogoutUrl();
        String requestId = answer.xml().replaceAll("(?s).*InResponseTo=\"([^\"]+)\".*", "$1");
        String wrong = answer.xml().replace(requestId, "ONELOGIN_" + UUID.randomUUID());

        assertRefused(deliver(answer.browser(), SamlTampering.signedLogoutResponse(endpoint, wrong, fixture.idp.key())));

        assertNothingChanged(acme, other);
        // control: the same answer re-signed with the IdP's key and the right InResponseTo is accepted
        assertThat(deliver(answer.browser(), SamlTampering.signedLogoutResponse(endpoint, answer.xml(), fixture.idp.key()))
                .getResponse().getStatus()).isEqualTo(200);
    }

    private MvcResult deliver(SsoBrowser browser, URI answer) throws Exception {
        return browser.openAt(answer);
    }

    private static void assertRefused(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("could not be checked, so nothing was done");
    }

    /** The request stays open for its genuine answer, and nothing but its sending is recorded, for either organization. */
    private void assertNothingChanged(SamlFixture.Tenant victim, SamlFixture.Tenant bystander) {
        assertThat(records.pending(victim.org())).isEqualTo(1);
        allEventsDelivered(jdbc);
        assertThat(records.audit(victim.org())).containsExactly("saml sent_to_provider");
        assertThat(records.audit(bystander.org())).isEmpty();
    }

    private static PrivateKey attackerKey() throws Exception {
        var keys = SpKeys.generate("attacker", Instant.now());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keys.privateKeyBase64())));
    }
}
