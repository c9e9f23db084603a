package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.SamlTampering.ASSERTION_NS;
import static org.opencps.identity.sso.SamlTampering.PROTOCOL_NS;
import static org.opencps.identity.sso.SamlTampering.first;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        // pysaml2 dates its assertions by the real clock; the server's test clock starts from the same now
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        fixture = new SamlFixture(world, providers, mvc);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a naive service provider does with the posted XML: parse it and verify the (first) signature. */
    private boolean naiveSignatureCheckPasses(org.w3c.dom.Document tampered) {
        var posted = com.onelogin.saml2.util.Util.loadXML(com.onelogin.saml2.util.Util.convertDocumentToString(tampered));
        return SamlTampering.firstSignatureVerifies(posted, fixture.idp.certificate());
    }

    /** The victim has signed in once: their identity is bound to an account. */
    private String victimSignedIn(SamlFixture.Tenant tenant, String uid, String email) throws Exception {
        fixture.idp.nextSignIn(Person.of(uid, email, "Victim", null));
        assertThat(new SsoBrowser(mvc).samlSignIn(tenant.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        return email;
    }

    private void assertNobodySignedIn(SsoBrowser browser, MvcResult result, String expectedRedirect) {
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(expectedRedirect);
        assertThat(browser.session()).isNull();
    }

    @Test
    void anUnsignedAssertionSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("unsigned"));
        fixture.idp.nextSignIn(Person.of(unique("mallory"), acme.email("mallory"), "Mallory", null));
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        var document = SamlTampering.document(genuine.samlResponse());
        SamlTampering.removeSignatures(document);

        assertNobodySignedIn(browser, browser.postSaml(genuine.with(SamlTampering.encode(document))), REFUSED);
        assertThat(users.findByEmail(acme.email("mallory"))).isEmpty();
    }

    @Test
    void signatureWrappingWithASecondAssertionBeforeTheSignedOneSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("xsw-sibling"));
        String victimUid = unique("victim");
        victimSignedIn(acme, victimUid, acme.email("victim"));
        fixture.idp.nextSignIn(Person.of(unique("mallory"), acme.email("mallory"), "Mallory", null));
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        var document = SamlTampering.document(genuine.samlResponse());
        Element signed = first(document, ASSERTION_NS, "Assertion");
        Element evil = forged(signed, victimUid, acme.email("victim"));
        signed.getParentNode().insertBefore(evil, signed);
        assertThat(naiveSignatureCheckPasses(document)).isTrue();

        assertNobodySignedIn(browser, browser.postSaml(genuine.with(SamlTampering.encode(document))), REFUSED);
        assertThat(users.findByEmail(acme.email("mallory"))).isEmpty();
    }

    @Test
    void signatureWrappingWithTheSignedAssertionHiddenInExtensionsSignsNobodyIn() throws Exception {
        var acme = fixture.tenant(unique("xsw-extensions"));
        String victimUid = unique("victim");
        victimSignedIn(acme, victimUid, acme.email("victim"));
        fixture.idp.nextSignIn(Person.of(unique("mallory"), acme.email("mallory"), "Mallory", null));
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        var document = SamlTampering.document(genuine.samlResponse());
        Element response = document.getDocumentElement();
        Element signed = first(document, ASSERTION_NS, "Assertion");
        Element evil = forged(signed, victimUid, acme.email("victim"));
        response.replaceChild(evil, signed);
        Element extensions = document.createElementNS(PROTOCOL_NS, "samlp:Extensions");
        extensions.appendChild(signed);
        response.insertBefore(extensions, first(document, PROTOCOL_NS, "Status"));
        assertThat(naiveSignatureCheckPasses(document)).isTrue();

        assertNobodySignedIn(browser, browser.postSaml(genuine.with(SamlTampering.encode(document))), REFUSED);
    }

    @Test
    void aCommentInTheNameIdDoesNotCutItShort() throws Exception {
        // the NameID is the e-mail address here; the attacker's own address at the IdP extends the victim's
        var acme = fixture.tenant(unique("comment"), new SamlFixture.Options(true, false, false, false));
        String victim = acme.email("victim");
        victimSignedIn(acme, victim, victim);
        fixture.idp.nextSignIn(Person.of(victim + ".evil.test", "mallory@evil.test", "Mallory", null));
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        String tampered = SamlTampering.xml(genuine.samlResponse()).replace(">" + victim + ".evil.test<", ">" + victim + "<!---->.evil.test<");
        assertThat(tampered).contains("<!---->");
        var document = com.onelogin.saml2.util.Util.loadXML(tampered);
        assertThat(naiveSignatureCheckPasses(document)).isTrue();
        assertThat(first(document, ASSERTION_NS, "NameID").getFirstChild().getNodeValue()).isEqualTo(victim);

        var result = browser.postSaml(genuine.with(SamlTampering.encode(tampered)));

        // read whole, the NameID is the attacker's own address, of a domain the organization does not sign in
        assertNobodySignedIn(browser, result, "/login?sso=domain_not_allowed");
    }

    @Test
    void aReplayedResponseSignsNobodyInTheSecondTime() throws Exception {
        var acme = fixture.tenant(unique("replay"));
        fixture.idp.nextSignIn(Person.of(unique("rita"), acme.email("rita"), "Rita", null));
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        assertThat(browser.postSaml(genuine).getResponse().getRedirectedUrl()).isEqualTo("/");

        var attacker = new SsoBrowser(mvc);
        assertNobodySignedIn(attacker, attacker.postSaml(genuine), REFUSED);
    }

    @Test
    void anAssertionUsedBeforeIsRefusedEvenWhenItAnswersANewRequest() throws Exception {
        var acme = fixture.tenant(unique("assertion-replay"), new SamlFixture.Options(false, true, false, true));
        var rita = Person.of(unique("rita"), acme.email("rita"), "Rita", null).signedResponseOnly();
        fixture.idp.nextSignIn(rita);
        var first = new SsoBrowser(mvc);
        SamlPost used = first.samlResponseFor(acme.startPath(), fixture.idp);
        assertThat(first.postSaml(used).getResponse().getRedirectedUrl()).isEqualTo("/");
        var attacker = new SsoBrowser(mvc);
        SamlPost fresh = attacker.samlResponseFor(acme.startPath(), fixture.idp);
        String newRequest = SamlTampering.document(fresh.samlResponse()).getDocumentElement().getAttribute("InResponseTo");

        var replayed = answering(SamlTampering.document(used.samlResponse()), newRequest);

        assertNobodySignedIn(attacker, attacker.postSaml(fresh.with(replayed)), REFUSED);
    }

    @Test
    void theResigningUsedBelowIsAcceptedWhenNothingElseChanges() throws Exception {
        var acme = fixture.tenant(unique("control"), new SamlFixture.Options(false, true, false, true));
        fixture.idp.nextSignIn(Person.of(unique("carl"), acme.email("carl"), "Carl", null).signedResponseOnly());
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        var document = SamlTampering.document(genuine.samlResponse());

        var result = browser.postSaml(genuine.with(SamlTampering.resign(document, fixture.idp.key(), fixture.idp.certificate())));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(acme.email("carl")));
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() throws Exception {
        var acme = fixture.tenant(unique("audience"), new SamlFixture.Options(false, true, false, true));
        fixture.idp.nextSignIn(Person.of(unique("ann"), acme.email("ann"), "Ann", null).signedResponseOnly());
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        var document = SamlTampering.document(genuine.samlResponse());
        first(document, ASSERTION_NS, "Audience").setTextContent("https://other-service.example/saml/metadata");

        var result = browser.postSaml(genuine.with(SamlTampering.resign(document, fixture.idp.key(), fixture.idp.certificate())));

        assertNobodySignedIn(browser, result, REFUSED);
        assertThat(users.findByEmail(acme.email("ann"))).isEmpty();
    }

    @Test
    void anAssertionForAnotherRecipientIsRefused() throws Exception {
        var acme = fixture.tenant(unique("recipient"), new SamlFixture.Options(false, true, false, true));
        fixture.idp.nextSignIn(Person.of(unique("rob"), acme.email("rob"), "Rob", null).signedResponseOnly());
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        var document = SamlTampering.document(genuine.samlResponse());
        first(document, ASSERTION_NS, "SubjectConfirmationData").setAttribute("Recipient", "https://other-service.example/acs");

        var result = browser.postSaml(genuine.with(SamlTampering.resign(document, fixture.idp.key(), fixture.idp.certificate())));

        assertNobodySignedIn(browser, result, REFUSED);
        assertThat(users.findByEmail(acme.email("rob"))).isEmpty();
    }

    @Test
    void anExpiredAssertionIsRefusedByTheServersClock() throws Exception {
        var acme = fixture.tenant(unique("expired"));
        fixture.idp.nextSignIn(Person.of(unique("eve"), acme.email("eve"), "Eve", null));
        var browser = new SsoBrowser(mvc);
        SamlPost genuine = browser.samlResponseFor(acme.startPath(), fixture.idp);
        // pysaml2 gives its assertions five minutes; the server's clock is past that (and its two minutes of skew)
        clock.advance(Duration.ofMinutes(8));

        assertNobodySignedIn(browser, browser.postSaml(genuine), REFUSED);
        assertThat(users.findByEmail(acme.email("eve"))).isEmpty();
    }

    @Test
    void anAssertionOfOrganizationAsProviderNeverSignsAnyoneIntoB() throws Exception {
        var a = fixture.tenant(unique("tenant-a"));
        var b = fixture.tenant(unique("tenant-b"));
        fixture.idp.nextSignIn(Person.of(unique("alma"), a.email("alma"), "Alma", null));
        var browser = new SsoBrowser(mvc);
        SamlPost forA = browser.samlResponseFor(a.startPath(), fixture.idp);

        var atB = browser.postSaml(new SamlPost("/sso/saml/acs/" + b.provider().id(), forA.samlResponse()));
        assertNobodySignedIn(browser, atB, REFUSED);

        // and B's own sign-in, for a person of A's domain, is refused too: the address is not one of B's
        var throughB = new SsoBrowser(mvc);
        fixture.idp.nextSignIn(Person.of(unique("alma"), a.email("alma"), "Alma", null));
        assertNobodySignedIn(throughB, throughB.samlSignIn(b.startPath(), fixture.idp), "/login?sso=domain_not_allowed");
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

    /** The used response made to answer another request, re-signed by the IdP's key: the assertion id stays. */
    private String answering(org.w3c.dom.Document used, String requestId) throws Exception {
        used.getDocumentElement().setAttribute("InResponseTo", requestId);
        first(used, ASSERTION_NS, "SubjectConfirmationData").setAttribute("InResponseTo", requestId);
        return SamlTampering.resign(used, fixture.idp.key(), fixture.idp.certificate());
    }
}
