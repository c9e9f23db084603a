package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencps.access.FixedRole;
import org.opencps.identity.EmailDomains;
import org.opencps.identity.OidcPreset;
import org.opencps.identity.OidcProviderSettings;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.SingleSignOn;
import org.opencps.identity.internal.persistence.GroupStore;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.MutableClock;
import org.opencps.testing.Outbox;
import org.opencps.testing.TestClockConfiguration;
import org.opencps.testing.TestEnvironment;
import org.opencps.testing.World;
import org.opencps.testing.browser.Browser;
import org.opencps.testing.peers.LoopbackDns;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single sign-on in headless Chromium, end to end: a person types their e-mail on the portal's sign-in page, home
 * realm discovery sends the browser to their organization's identity provider, they sign in on that provider's own
 * page (mock-oauth2-server's for OpenID Connect, the pysaml2 IdP's for SAML, both real servers on loopback), and come
 * back signed in to their organization, their account made from what the provider vouched for.
 *
 * <p>The portal and both providers are on 127.0.0.1, as a company's IdP is on the company's own site: over plain
 * HTTP the SAML browser binding cookie is SameSite=Lax and reaches the ACS only from a same-site IdP. The portal's
 * public URL is therefore fixed to 127.0.0.1 and a port chosen before the server starts. The server asks the test
 * run's {@link LoopbackDns} for the TXT records that prove the e-mail domains.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "server.address=127.0.0.1", "opencps.sso.allow-private-providers=true"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestEnvironment.class)
@Import({TestClockConfiguration.class, Outbox.class, World.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoInTheBrowserTest {

    private static final int PORT = freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;

    @DynamicPropertySource
    static void onAKnownPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("opencps.public-url", () -> BASE);
        registry.add(LoopbackDns.PROPERTY, () -> LoopbackDns.shared().address());
    }

    @Autowired World world;
    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired SingleSignOn sso;
    @Autowired SamlProviders samlProviders;
    @Autowired EmailDomains emailDomains;
    @Autowired Organizations organizations;
    @Autowired UserStore users;
    @Autowired GroupStore groups;
    @Autowired JdbcClient jdbc;

    Browser browser;
    MockIdentityProvider oidcProvider;

    @BeforeAll
    void start() {
        browser = Browser.start(BASE);
        oidcProvider = new MockIdentityProvider(clock, true);
    }

    @AfterAll
    void stop() {
        browser.close();
        oidcProvider.close();
    }

    @Test
    void oidcTheEmailLeadsToTheProvidersPageAndBackSignedInAndTheSignInLinkWorksToo() {
        var acme = new SsoFixture(world, sso, oidcProvider).tenant(unique("acme"));
        String email = acme.email("alice");

        startAtTheLoginPage(email);
        browser.waitUntil(d -> browser.path().startsWith(oidcProvider.issuer(acme.issuerId()) + "/authorize"));
        signInAtTheOidcProvider("alice-subject", """
                {"email": "%s", "email_verified": true, "name": "Alice Archer", "groups": ["Finance"]}""".formatted(email));

        assertSignedIn(acme.org(), "Alice Archer");
        UserId alice = users.findByEmail(email).orElseThrow().id();
        assertThat(users.find(alice).orElseThrow().emailVerified()).isTrue();
        assertThat(groupNames(acme.org(), alice)).containsExactly("Finance");
        assertThat(bindings(alice)).containsExactly(oidcProvider.issuer(acme.issuerId()) + " alice-subject");

        endSession();
        browser.open(acme.startPath());
        signInAtTheOidcProvider("alice-subject", """
                {"email": "%s", "email_verified": true, "name": "Alice Baker", "groups": ["Print users"]}""".formatted(email));

        assertSignedIn(acme.org(), "Alice Baker");
        assertThat(users.findByEmail(email).orElseThrow().id()).isEqualTo(alice);
        assertThat(groupNames(acme.org(), alice)).containsExactly("Print users");
    }

    @Test
    void samlTheEmailLeadsToTheIdpsLoginPageAndBackSignedInAndTheSignInLinkWorksToo() throws Exception {
        String uid = unique("hana");
        var saml = new SamlFixture(world, samlProviders, mvc, clock);
        var globex = saml.tenant(unique("globex"));
        String email = globex.email("hana");
        saml.idp.nextSignIn(Person.of(uid, email, "Hana Hayashi", List.of("Design")).signingInWith("idp-secret-1"));

        startAtTheLoginPage(email);
        signInAtTheSamlIdp(uid, "not-the-password");
        assertThat(browser.textOf(By.id("error"))).isEqualTo("Wrong user name or password.");
        assertThat(users.findByEmail(email)).isEmpty();
        signInAtTheSamlIdp(uid, "idp-secret-1");

        assertSignedIn(globex.org(), "Hana Hayashi");
        UserId hana = users.findByEmail(email).orElseThrow().id();
        assertThat(groupNames(globex.org(), hana)).containsExactly("Design");
        assertThat(bindings(hana)).containsExactly(saml.idp.entityId() + " " + uid);

        endSession();
        saml.idp.nextSignIn(Person.of(uid, email, "Hana Ito", List.of("Design", "Print users")).signingInWith("idp-secret-1"));
        browser.open(globex.startPath());
        signInAtTheSamlIdp(uid, "idp-secret-1");

        assertSignedIn(globex.org(), "Hana Ito");
        assertThat(groupNames(globex.org(), hana)).containsExactlyInAnyOrder("Design", "Print users");
    }

    @Test
    void anEmailOfAnUnprovedDomainGetsThePasswordForm() {
        OrgId initech = world.customer(world.root(), unique("Initech"));
        var admin = world.person(initech, FixedRole.CUSTOMER_ADMIN);
        String domain = "u" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        sso.saveOidcProvider(admin.actor(), initech, new OidcProviderSettings(OidcPreset.GENERIC,
                oidcProvider.issuer("initech"), "client-initech", "secret-of-initech", List.of(), null, null, null, null,
                List.of(domain)));
        emailDomains.claim(admin.actor(), initech, domain);
        var peter = world.person(initech, "peter@" + domain, FixedRole.CUSTOMER_USER);

        startAtTheLoginPage(peter.email());

        assertThat(browser.path()).isEqualTo("/login/sso");
        assertThat(browser.textOf(By.id("sso-error"))).contains("Enter your password instead");
        assertThat(browser.attributeOf(By.id("email"), "value")).isEqualTo(peter.email());
        browser.type("password", World.PASSWORD).press("Log in");
        assertSignedIn(initech, users.find(peter.userId()).orElseThrow().displayName());
    }

    /** The portal's sign-in page: the e-mail only, then "Sign in with single sign-on". */
    private void startAtTheLoginPage(String email) {
        endSession();
        browser.open("/login").type("email", email).click(By.id("sso-submit"));
    }

    /** mock-oauth2-server's own sign-in page: a subject and the claims it vouches for. */
    private void signInAtTheOidcProvider(String subject, String claims) {
        browser.find(By.name("username")).sendKeys(subject);
        browser.find(By.name("claims")).sendKeys(claims);
        browser.click(By.cssSelector("input[type=submit]"));
    }

    /** The pysaml2 IdP's login page: user name and password. */
    private void signInAtTheSamlIdp(String user, String password) {
        browser.waitUntil(d -> !d.findElements(By.id("sign-in")).isEmpty());
        browser.type("username", user).type("password", password).click(By.id("sign-in"));
    }

    private void assertSignedIn(OrgId org, String name) {
        assertThat(browser.textOf(By.cssSelector(".who"))).isEqualTo(name);
        assertThat(browser.textOf(By.cssSelector(".brand span"))).isEqualTo(organizations.find(org).orElseThrow().name());
    }

    private void endSession() {
        browser.open("/login");
        browser.driver().manage().deleteAllCookies();
    }

    private List<String> groupNames(OrgId org, UserId user) {
        return groups.groupsOf(org, user).stream().map(group -> group.name()).toList();
    }

    private List<String> bindings(UserId user) {
        return jdbc.sql("SELECT issuer, subject FROM identity_external_identity WHERE user_id = ?").param(user.value())
                .query((row, n) -> row.getString("issuer") + " " + row.getString("subject")).list();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
