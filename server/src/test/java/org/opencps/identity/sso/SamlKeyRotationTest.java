package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.SecondFactors;
import org.opencps.identity.internal.secondfactor.TotpCodes;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rotating OpenCPS's SAML key pair, against pysaml2's IdP: during the transition the SP metadata carries both
 * certificates and an assertion encrypted for either is decrypted; once the old pair is retired (by the admin, or
 * when the transition ends) the metadata carries only the new one, an assertion encrypted for the old one is refused,
 * and sign-ins go on with the new pair (pysaml2 checks the request's signature against the metadata it has).
 * The SSO page's buttons do the same through the same face.
 */
@SsoTest
class SamlKeyRotationTest {

    private static final Pattern CERTIFICATE = Pattern.compile("<ds:X509Certificate>([^<]+)</ds:X509Certificate>");
    private static final SamlFixture.Options ENCRYPTED = new SamlFixture.Options(true, false, true, true);

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SamlProviders providers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SecondFactors factors;

    private SamlFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SamlFixture(world, providers, mvc, clock);
    }

    @Test
    void bothKeyPairsDecryptDuringTheTransitionAndOnlyTheNewOneAfterTheOldIsRetired() throws Exception {
        var acme = fixture.tenant(unique("rotation"), ENCRYPTED);
        var admin = adminSession(acme);
        String oldCertificate = body(acme.provider().spCertificate());

        var rotated = rotate(acme, admin, "{\"transitionDays\":7}").andExpect(status().isOk())
                .andExpect(jsonPath("$.spOldKeyRetiresAt").value(clock.instant().plus(Duration.ofDays(7)).toString()))
                .andReturn().getResponse().getContentAsString();
        String newCertificate = body(JsonPath.read(rotated, "$.spNewCertificate"));
        assertThat(body(JsonPath.read(rotated, "$.spCertificate"))).isEqualTo(oldCertificate);
        assertThat(newCertificate).isNotEqualTo(oldCertificate);
        // both published (signing and encryption each), the old one first: it still signs
        assertThat(certificates(metadata(acme))).containsExactly(oldCertificate, oldCertificate, newCertificate, newCertificate);
        fixture.idp.trust(metadata(acme));

        String uid = unique("rosa");
        Person rosa = Person.of(uid, acme.email("rosa"), "Rosa", null);
        fixture.idp.nextSignIn(rosa.encryptedFor(0));
        assertThat(new SsoBrowser(mvc).samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        fixture.idp.nextSignIn(rosa.encryptedFor(1));
        assertThat(new SsoBrowser(mvc).samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        // an answer for the old key pair, delivered only after it is retired
        fixture.idp.nextSignIn(rosa.encryptedFor(0));
        var late = new SsoBrowser(mvc);
        var forOldKey = late.samlResponseFor(acme.startPath(), fixture.idp);

        mvc.perform(post(rotationPath(acme) + "/retire-old-key").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.spNewCertificate").doesNotExist())
                .andExpect(jsonPath("$.spCertificate").value(org.hamcrest.Matchers.containsString(newCertificate.substring(0, 40))));
        assertThat(certificates(metadata(acme))).containsExactly(newCertificate, newCertificate);

        assertThat(late.postSaml(forOldKey).getResponse().getRedirectedUrl()).isEqualTo("/login?sso=invalid_assertion");
        assertThat(late.session()).isNull();

        fixture.idp.trust(metadata(acme));
        fixture.idp.nextSignIn(rosa.encryptedFor(0));
        var after = new SsoBrowser(mvc);
        assertThat(after.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        eventually(() -> assertThat(audited(acme)).anyMatch(detail -> detail.startsWith("saml sp key rotated"))
                .anyMatch(detail -> detail.equals("saml sp key: old key retired")));
    }

    @Test
    void theOldKeyPairRetiresByItselfWhenTheTransitionEnds() throws Exception {
        var acme = fixture.tenant(unique("auto-retire"), ENCRYPTED);
        var admin = adminSession(acme);
        String rotated = rotate(acme, admin, "{\"transitionDays\":1}").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String newCertificate = body(JsonPath.read(rotated, "$.spNewCertificate"));

        clock.advance(Duration.ofDays(1).minusMinutes(1));
        assertThat(certificates(metadata(acme))).hasSize(4);
        clock.advance(Duration.ofMinutes(1));
        assertThat(certificates(metadata(acme))).containsExactly(newCertificate, newCertificate);
        // a new rotation may start (the admin signs in again: a day has passed): the ended one's new pair is in use
        String again = rotate(acme, adminSession(acme), "{}").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body(JsonPath.read(again, "$.spCertificate"))).isEqualTo(newCertificate);
    }

    @Test
    void badRequestsAreRefusedWithTheirReasonAndNothingChanges() throws Exception {
        var acme = fixture.tenant(unique("rotation-refusals"));
        var admin = adminSession(acme);

        rotate(acme, admin, "{\"transitionDays\":0}").andExpect(status().is(422))
                .andExpect(jsonPath("$.detail").value("the old key pair stays for 1 to 90 days"));
        rotate(acme, admin, "{\"transitionDays\":91}").andExpect(status().is(422));
        mvc.perform(post(rotationPath(acme) + "/retire-old-key").cookie(admin)).andExpect(status().isConflict());
        assertThat(rotations(acme)).isZero();

        rotate(acme, admin, "{}").andExpect(status().isOk());
        var during = certificates(metadata(acme));
        rotate(acme, admin, "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("a key rotation is in progress: retire the old key pair first"));
        assertThat(certificates(metadata(acme))).hasSize(2).isEqualTo(during);
    }

    @Test
    void nobodyButTheOrganizationsCustomerAdminsWithARecentSecondFactorRotatesOrRetiresItsKeys() throws Exception {
        var acme = fixture.tenant(unique("rotation-guarded"));
        var other = fixture.tenant(unique("rotation-other"));
        var outsiders = new LinkedHashMap<Cookie, Integer>();
        outsiders.put(adminSession(other), 404);
        outsiders.put(session(world.person(acme.org(), FixedRole.CUSTOMER_USER).email()), 403);
        outsiders.put(session(world.person(acme.org(), FixedRole.PRINT_MANAGER).email()), 403);
        outsiders.put(session(world.rootAdmin().email()), 403);
        for (var outsider : outsiders.entrySet()) {
            rotate(acme, outsider.getKey(), "{}").andExpect(status().is(outsider.getValue()));
            mvc.perform(post(rotationPath(acme) + "/retire-old-key").cookie(outsider.getKey())).andExpect(status().is(outsider.getValue()));
        }
        mvc.perform(post(rotationPath(acme)).contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnauthorized());

        rotate(acme, staleSecondFactorSession(acme), "{}").andExpect(status().isForbidden());

        assertThat(rotations(acme)).isZero();
        assertThat(certificates(metadata(acme))).containsExactly(body(acme.provider().spCertificate()));
    }

    @Test
    void onTheSsoPageAnAdminStartsARotationSeesTheTransitionAndRetiresTheOldKey() throws Exception {
        var acme = fixture.tenant(unique("rotation-page"));
        var admin = signedInOnThePortal(acme.admin().email());
        String page = ssoPath(acme);
        String oldCertificate = body(acme.provider().spCertificate());
        assertThat(admin.page(page).getResponse().getContentAsString()).contains("Start a key rotation")
                .doesNotContain("Retire the old key now");

        var refused = admin.submitFrom(page, page + "/saml/key-rotation", "transitionDays=91");
        assertThat(admin.page(refused.getResponse().getRedirectedUrl()).getResponse().getContentAsString())
                .contains("The old key pair stays valid for 1 to 90 days.");
        assertThat(rotations(acme)).isZero();

        var started = admin.submitFrom(page, page + "/saml/key-rotation", "transitionDays=7");
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo(page);
        String during = admin.page(page).getResponse().getContentAsString();
        var rotated = providers.samlProvider(acme.admin().actor(), acme.org()).orElseThrow();
        assertThat(during).contains("The key rotation has started.", "A key rotation is in progress",
                "Retire the old key now", "Download the new SP metadata", rotated.spMetadataUrl(),
                rotated.spNewCertificate().strip().lines().skip(1).findFirst().orElseThrow());
        assertThat(rotated.spOldKeyRetiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(certificates(metadata(acme))).containsExactly(oldCertificate, body(rotated.spNewCertificate()));

        admin.submitFrom(page, page + "/saml/key-rotation/retire-old-key", "");
        String after = admin.page(page).getResponse().getContentAsString();
        assertThat(after).contains("The old key is retired.", "Start a key rotation").doesNotContain("Retire the old key now");
        assertThat(certificates(metadata(acme))).containsExactly(body(rotated.spNewCertificate()));
        eventually(() -> assertThat(audited(acme)).anyMatch(detail -> detail.startsWith("saml sp key rotated"))
                .contains("saml sp key: old key retired"));
    }

    @Test
    void onTheSsoPageNobodyElseRotatesOrRetiresAndAStaleSecondFactorIsCheckedFirst() throws Exception {
        var acme = fixture.tenant(unique("rotation-page-guarded"));
        var other = fixture.tenant(unique("rotation-page-other"));
        var certificatesBefore = certificates(metadata(acme));
        var outsiders = new LinkedHashMap<String, Integer>();
        outsiders.put(other.admin().email(), 404);
        outsiders.put(world.person(acme.org(), FixedRole.CUSTOMER_USER).email(), 403);
        outsiders.put(world.person(acme.org(), FixedRole.PRINT_MANAGER).email(), 403);
        outsiders.put(world.rootAdmin().email(), 403);
        for (var outsider : outsiders.entrySet()) {
            var browser = signedInOnThePortal(outsider.getKey());
            for (String action : List.of("/saml/key-rotation", "/saml/key-rotation/retire-old-key")) {
                assertThat(browser.submitFrom("/account", ssoPath(acme) + action, "transitionDays=14").getResponse().getStatus())
                        .as(outsider.getKey() + " " + action).isEqualTo(outsider.getValue());
            }
        }

        var stale = new SsoBrowser(mvc).inSession(staleSecondFactorSession(acme));
        assertThat(stale.submitFrom("/account", ssoPath(acme) + "/saml/key-rotation", "transitionDays=14")
                .getResponse().getRedirectedUrl()).isEqualTo("/account/step-up");

        assertThat(rotations(acme)).isZero();
        assertThat(certificates(metadata(acme))).isEqualTo(certificatesBefore);
        assertThat(audited(acme)).noneMatch(detail -> detail.startsWith("saml sp key"));
    }

    /** A session of a new customer admin of the tenant whose second factor was proved at sign-in, over ten minutes ago. */
    private Cookie staleSecondFactorSession(SamlFixture.Tenant tenant) throws Exception {
        var careful = world.person(tenant.org(), FixedRole.CUSTOMER_ADMIN);
        String secret = factors.startTotp(careful.userId()).secret();
        factors.confirmTotp(careful.userId(), TotpCodes.code(secret, TotpCodes.stepAt(clock.instant())));
        clock.advance(Duration.ofMinutes(1));
        var pending = Api.sessionCookie(mvc.perform(post("/api/v1/auth/login").with(Api.fromOwnAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + careful.email() + "\",\"password\":\"" + World.PASSWORD + "\"}")).andReturn());
        var proved = Api.sessionCookie(mvc.perform(post("/api/v1/auth/second-factor").cookie(pending)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + TotpCodes.code(secret, TotpCodes.stepAt(clock.instant())) + "\"}"))
                .andExpect(status().isOk()).andReturn());
        clock.advance(Duration.ofMinutes(11));
        return proved;
    }

    private SsoBrowser signedInOnThePortal(String email) throws Exception {
        var browser = new SsoBrowser(mvc);
        browser.submitLoginOnly("/login", "email=" + email + "&password=" + World.PASSWORD);
        return browser;
    }

    private static String ssoPath(SamlFixture.Tenant tenant) {
        return "/orgs/" + tenant.org() + "/sso";
    }

    private List<String> audited(SamlFixture.Tenant tenant) {
        return jdbc.sql("SELECT detail FROM audit_event WHERE type = 'SSO_CHANGED' AND org_id = ? ORDER BY seq").param(tenant.org().value())
                .query(String.class).list();
    }

    private Cookie session(String email) throws Exception {
        return new Cookie(Api.SESSION_COOKIE, Api.login(mvc, email, World.PASSWORD).getValue());
    }

    private org.springframework.test.web.servlet.ResultActions rotate(SamlFixture.Tenant tenant, Cookie session, String body)
            throws Exception {
        return mvc.perform(post(rotationPath(tenant)).cookie(session).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String rotationPath(SamlFixture.Tenant tenant) {
        return "/api/v1/organizations/" + tenant.org() + "/sso/saml/key-rotation";
    }

    private Cookie adminSession(SamlFixture.Tenant tenant) throws Exception {
        return session(tenant.admin().email());
    }

    private String metadata(SamlFixture.Tenant tenant) throws Exception {
        return mvc.perform(get("/api/v1/public/sso/saml/" + tenant.provider().id() + "/metadata")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private int rotations(SamlFixture.Tenant tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_saml_sp_key_rotation WHERE org_id = ?").param(tenant.org().value())
                .query(Integer.class).single();
    }

    private static List<String> certificates(String metadata) {
        return CERTIFICATE.matcher(metadata).results().map(match -> body(match.group(1))).toList();
    }

    /** A certificate's base64 body, without PEM lines and white space. */
    private static String body(String certificate) {
        return certificate.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
