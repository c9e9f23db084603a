package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.identity.sso.SamlTampering.ASSERTION_NS;
import static org.opencps.identity.sso.SamlTampering.PROTOCOL_NS;
import static org.opencps.identity.sso.SamlTampering.first;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onelogin.saml2.util.Util;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.identity.sso.SsoBrowser.SamlPost;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SAML attacks of OWASP's SAML Security Cheat Sheet against the ACS, each on a genuine response of pysaml2's IdP
 * that the attacker edits: every one would sign someone in at a service provider that only verifies "the signature"
 * (shown where it matters with {@link SamlTampering#firstSignatureVerifies}) or skips the checks behind it. Nobody is
 * signed in, no account is created, and the victim's identity is not touched.
 */
@SsoTest
class SamlAttackTest {

    private static final String REFUSED = "/login?sso=invalid_assertion";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SamlProviders providers;
    @Autowired UserStore users;
    @Autowired MutableClock clock;

    private SamlFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SamlFixture(world, providers, mvc, clock);
    }

    /** What a naive service provider does with the posted XML: parse it and verify the (first) signature. */
    private boolean naiveSignatureCheckPasses(Document tampered) {
        var posted = Util.loadXML(Util.convertDocumentToString(tampered));
        return SamlTampering.firstSignatureVerifies(posted, fixture.idp.certificate());
    }

    /** The victim has signed in once: their identity is bound to an account. */
    private void victimSignedIn(SamlFixture.Tenant tenant, String uid, String email) throws Exception {
        fixture.idp.nextSignIn(Person.of(uid, email, "Victim", null));
        assertThat(new SsoBrowser(mvc).samlSignIn(tenant.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    /** A sign-in the attacker starts in their own browser, and the genuine response the IdP gives them. */
    private final class Attempt {
        final SsoBrowser browser = new SsoBrowser(mvc);
        final SamlPost genuine;
        final Document document;

        Attempt(SamlFixture.Tenant tenant, Person attacker) throws Exception {
            fixture.idp.nextSignIn(attacker);
            genuine = browser.samlResponseFor(tenant.startPath(), fixture.idp);
            document = SamlTampering.document(genuine.samlResponse());
        }

        MvcResult post(String encoded) throws Exception {
            return browser.postSaml(genuine.with(encoded));
        }

        MvcResult postResigned() throws Exception {
            return post(SamlTampering.resign(document, fixture.idp.key(), fixture.idp.certificate()));
        }

        void refused(MvcResult result, String expectedRedirect) {
            assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(expectedRedirect);
            assertThat(browser.session()).isNull();
        }
    }

    private Attempt mallory(SamlFixture.Tenant tenant) throws Exception {
        return new Attempt(tenant, Person.of(unique("mallory"), tenant.email("mallory"), "Mallory", null));
    }

    private Attempt signedResponseOnly(SamlFixture.Tenant tenant, String name) throws Exception {
        return new Attempt(tenant, Person.of(unique(name), tenant.email(name), name, null).signedResponseOnly());
    }

    private SamlFixture.Tenant responseSigning(String name) throws Exception {
        return fixture.tenant(unique(name), new SamlFixture.Options(false, true, false, true));
    }

    @Test
    void anUnsignedAssertionSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("unsigned"));
        var attempt = mallory(acme);
        SamlTampering.removeSignatures(attempt.document);

        attempt.refused(attempt.post(SamlTampering.encode(attempt.document)), REFUSED);
        assertThat(users.findByEmail(acme.email("mallory"))).isEmpty();
    }

    @Test
    void signatureWrappingWithASecondAssertionBeforeTheSignedOneSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("xsw-sibling"));
        String victimUid = unique("victim");
        victimSignedIn(acme, victimUid, acme.email("victim"));
        var attempt = mallory(acme);
        Element signed = first(attempt.document, ASSERTION_NS, "Assertion");
        signed.getParentNode().insertBefore(forged(signed, victimUid, acme.email("victim")), signed);
        assertThat(naiveSignatureCheckPasses(attempt.document)).isTrue();

        attempt.refused(attempt.post(SamlTampering.encode(attempt.document)), REFUSED);
        assertThat(users.findByEmail(acme.email("mallory"))).isEmpty();
    }

    @Test
    void signatureWrappingWithTheSignedAssertionHiddenInExtensionsSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("xsw-extensions"));
        String victimUid = unique("victim");
        victimSignedIn(acme, victimUid, acme.email("victim"));
        var attempt = mallory(acme);
        Element response = attempt.document.getDocumentElement();
        Element signed = first(attempt.document, ASSERTION_NS, "Assertion");
        response.replaceChild(forged(signed, victimUid, acme.email("victim")), signed);
        String prefix = response.getPrefix() == null ? "" : response.getPrefix() + ":";
        Element extensions = attempt.document.createElementNS(PROTOCOL_NS, prefix + "Extensions");
        extensions.appendChild(signed);
        response.insertBefore(extensions, first(attempt.document, PROTOCOL_NS, "Status"));
        assertThat(naiveSignatureCheckPasses(attempt.document)).isTrue();

        attempt.refused(attempt.post(SamlTampering.encode(attempt.document)), REFUSED);
    }

    @Test
    void aCommentInTheNameIdDoesNotCutItShort() throws Exception {
        // the NameID is the e-mail address here; the attacker's own address at the IdP extends the victim's
        var acme = fixture.tenant(unique("comment"), new SamlFixture.Options(true, false, false, false));
        String victim = acme.email("victim");
        victimSignedIn(acme, victim, victim);
        var attempt = new Attempt(acme, Person.of(victim + ".evil.test", "mallory@evil.test", "Mallory", null));
        String tampered = SamlTampering.xml(attempt.genuine.samlResponse())
                .replace(">" + victim + ".evil.test<", ">" + victim + "<!---->.evil.test<");
        var document = Util.loadXML(tampered);
        assertThat(naiveSignatureCheckPasses(document)).isTrue();
        assertThat(first(document, ASSERTION_NS, "NameID").getFirstChild().getNodeValue()).isEqualTo(victim);

        // read whole, the NameID is the attacker's own address, of a domain the organization does not sign in
        attempt.refused(attempt.post(SamlTampering.encode(tampered)), "/login?sso=domain_not_allowed");
    }

    @Test
    void aReplayedResponseSignsNobodyInTheSecondTime() throws Exception {
        var acme = fixture.tenant(unique("replay"));
        var first = new Attempt(acme, Person.of(unique("rita"), acme.email("rita"), "Rita", null));
        assertThat(first.post(first.genuine.samlResponse()).getResponse().getRedirectedUrl()).isEqualTo("/");

        // again by the same browser (its request is answered), and by another one (it never started this sign-in)
        assertThat(first.post(first.genuine.samlResponse()).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=not_this_browser");
        var attacker = new SsoBrowser(mvc);
        var replayed = attacker.postSaml(first.genuine);
        assertThat(replayed.getResponse().getRedirectedUrl()).isEqualTo("/login?sso=not_this_browser");
        assertThat(attacker.session()).isNull();
    }

    @Test
    void anAssertionUsedBeforeIsRefusedEvenWhenItAnswersANewRequest() throws Exception {
        var acme = responseSigning("assertion-replay");
        var used = signedResponseOnly(acme, "rita");
        assertThat(used.post(used.genuine.samlResponse()).getResponse().getRedirectedUrl()).isEqualTo("/");
        var attempt = signedResponseOnly(acme, "mallory");
        String newRequest = attempt.document.getDocumentElement().getAttribute("InResponseTo");
        used.document.getDocumentElement().setAttribute("InResponseTo", newRequest);
        first(used.document, ASSERTION_NS, "SubjectConfirmationData").setAttribute("InResponseTo", newRequest);

        attempt.refused(attempt.post(SamlTampering.resign(used.document, fixture.idp.key(), fixture.idp.certificate())), REFUSED);
    }

    @Test
    void theResigningUsedBelowIsAcceptedWhenNothingElseChanges() throws Exception {
        var acme = responseSigning("control");
        var attempt = signedResponseOnly(acme, "carl");

        assertThat(attempt.postResigned().getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(attempt.browser.session())).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(acme.email("carl")));
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() throws Exception {
        var acme = responseSigning("audience");
        var attempt = signedResponseOnly(acme, "ann");
        first(attempt.document, ASSERTION_NS, "Audience").setTextContent("https://other-service.example/saml/metadata");

        attempt.refused(attempt.postResigned(), REFUSED);
        assertThat(users.findByEmail(acme.email("ann"))).isEmpty();
    }

    @Test
    void anAssertionForAnotherRecipientIsRefused() throws Exception {
        var acme = responseSigning("recipient");
        var attempt = signedResponseOnly(acme, "rob");
        first(attempt.document, ASSERTION_NS, "SubjectConfirmationData").setAttribute("Recipient", "https://other-service.example/acs");

        attempt.refused(attempt.postResigned(), REFUSED);
        assertThat(users.findByEmail(acme.email("rob"))).isEmpty();
    }

    @Test
    void anExpiredAssertionIsRefusedByTheServersClock() throws Exception {
        var acme = fixture.tenant(unique("expired"));
        var attempt = new Attempt(acme, Person.of(unique("eve"), acme.email("eve"), "Eve", null));
        // pysaml2 gives its assertions five minutes; the server's clock is past that (and its two minutes of skew)
        clock.advance(Duration.ofMinutes(8));

        attempt.refused(attempt.post(attempt.genuine.samlResponse()), REFUSED);
        assertThat(users.findByEmail(acme.email("eve"))).isEmpty();
    }

    @Test
    void anAssertionOfOrganizationAsProviderNeverSignsAnyoneIntoB() throws Exception {
        var a = fixture.tenant(unique("tenant-a"));
        var b = fixture.tenant(unique("tenant-b"));
        var forA = new Attempt(a, Person.of(unique("alma"), a.email("alma"), "Alma", null));

        forA.refused(forA.browser.postSaml(new SamlPost("/sso/saml/acs/" + b.provider().id(), forA.genuine.samlResponse())), REFUSED);

        // and B's own sign-in, for a person of A's domain, is refused too: the address is not one of B's
        fixture.idp.nextSignIn(Person.of(unique("alma"), a.email("alma"), "Alma", null));
        var throughB = new SsoBrowser(mvc);
        assertThat(throughB.samlSignIn(b.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=domain_not_allowed");
        assertThat(throughB.session()).isNull();
        assertThat(users.findByEmail(a.email("alma"))).isEmpty();
    }

    /** A copy of the signed assertion naming someone else, without a signature, under a new id. */
    private static Element forged(Element signed, String nameId, String email) {
        Element evil = (Element) signed.cloneNode(true);
        evil.setAttribute("ID", "_forged" + UUID.randomUUID().toString().replace("-", ""));
        var signature = evil.getElementsByTagNameNS(SamlTampering.DSIG_NS, "Signature");
        if (signature.getLength() > 0) {
            evil.removeChild(signature.item(0));
        }
        first(evil, ASSERTION_NS, "NameID").setTextContent(nameId);
        var values = evil.getElementsByTagNameNS(ASSERTION_NS, "AttributeValue");
        for (int i = 0; i < values.getLength(); i++) {
            if (values.item(i).getTextContent().contains("@")) {
                values.item(i).setTextContent(email);
            }
        }
        return evil;
    }
}
