package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.SecondFactorPolicies;
import org.opencps.identity.SecondFactorPolicy;
import org.opencps.identity.SecondFactorPolicy.RequiredFor;
import org.opencps.identity.SingleSignOn;
import org.opencps.identity.sso.Pysaml2IdentityProvider.Person;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single sign-on follows the organization's choice when it requires a second factor: trusting the identity
 * provider's own multi-factor check (OIDC amr or a listed acr, SAML a listed AuthnContextClassRef) signs the person in
 * at once; without that report, or without the trust, OpenCPS asks for its own (here: the enrolment, as the people
 * have none), and nothing but the second step opens meanwhile.
 */
@SsoTest
class SsoSecondFactorTrustTest {

    private static final String MFA_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired SamlProviders samlProviders;
    @Autowired SecondFactorPolicies policies;
    @Autowired MutableClock clock;

    @Test
    void oidcSignInsCountAsTheSecondFactorOnlyWhenTrustedAndReported() throws Exception {
        var fixture = new SsoFixture(world, sso, clock);
        var acme = fixture.tenant(unique("mfa-acme"));
        String email = acme.email("mia");
        String subject = unique("mia-subject");

        require(acme.org(), acme.admin().actor(), false, List.of());
        fixture.idp().nextSignIn(acme.issuerId(), subject, claims(email, List.of("pwd", "otp"), null));
        assertAskedForOwnFactor(new SsoBrowser(mvc), acme.startPath());

        require(acme.org(), acme.admin().actor(), true, List.of("urn:example:loa:mfa"));
        fixture.idp().nextSignIn(acme.issuerId(), subject, claims(email, List.of("pwd"), null));
        assertAskedForOwnFactor(new SsoBrowser(mvc), acme.startPath());

        fixture.idp().nextSignIn(acme.issuerId(), subject, claims(email, List.of("pwd", "otp"), null));
        assertSignedIn(new SsoBrowser(mvc), acme.startPath());

        fixture.idp().nextSignIn(acme.issuerId(), subject, claims(email, List.of("pwd"), "urn:example:loa:mfa"));
        assertSignedIn(new SsoBrowser(mvc), acme.startPath());

        fixture.idp().nextSignIn(acme.issuerId(), subject, claims(email, List.of("pwd"), "urn:example:loa:other"));
        assertAskedForOwnFactor(new SsoBrowser(mvc), acme.startPath());
    }

    @Test
    void samlSignInsCountWhenTheAuthnContextClassIsListed() throws Exception {
        var fixture = new SamlFixture(world, samlProviders, mvc, clock);
        var acme = fixture.tenant(unique("mfa-saml"));
        String email = acme.email("sam");
        String uid = unique("sam");
        require(acme.org(), acme.admin().actor(), true, List.of(MFA_CONTEXT));

        fixture.idp.nextSignIn(Person.of(uid, email, "Sam Saml", List.of()));
        var password = new SsoBrowser(mvc);
        assertThat(password.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        mvc.perform(get("/api/v1/me").cookie(password.session())).andExpect(status().isUnauthorized());

        fixture.idp.nextSignIn(Person.of(uid, email, "Sam Saml", List.of()).authenticatedBy(MFA_CONTEXT));
        var twoFactors = new SsoBrowser(mvc);
        assertThat(twoFactors.samlSignIn(acme.startPath(), fixture.idp).getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(twoFactors.session())).andExpect(status().isOk());
    }

    private void require(OrgId org, Actor admin, boolean trust, List<String> values) {
        policies.setPolicy(admin, org, new SecondFactorPolicy(RequiredFor.EVERYONE, 0, trust, values, null));
    }

    private void assertAskedForOwnFactor(SsoBrowser browser, String startPath) throws Exception {
        assertThat(browser.open(startPath).getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isUnauthorized());
    }

    private void assertSignedIn(SsoBrowser browser, String startPath) throws Exception {
        assertThat(browser.open(startPath).getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(status().isOk());
    }

    private static Map<String, Object> claims(String email, List<String> amr, String acr) {
        Map<String, Object> claims = new HashMap<>(MockIdentityProvider.person(email, "Mia Multi", List.of()));
        claims.put("amr", amr);
        if (acr != null) {
            claims.put("acr", acr);
        }
        return claims;
    }
}
