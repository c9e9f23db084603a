package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;
import static org.opencps.testing.Api.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.SignInPolicy;
import org.opencps.identity.SingleSignOn;
import org.opencps.testing.Api;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An SSO-only organization's people sign in through its provider and nowhere with a password; their API tokens
 * follow their last sign-in at the provider. Only the organization's customer admins read or change any of it.
 */
@SsoTest
class SsoOnlyTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired MutableClock clock;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;

    private SsoFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SsoFixture(world, sso, clock);
    }

    @Test
    void aPasswordIsRefusedOnThePortalAndTheApiOnceTheOrganizationIsSsoOnly() throws Exception {
        var acme = fixture.tenant(unique("sso-only"));
        var member = world.person(acme.org(), FixedRole.CUSTOMER_USER);
        Api.login(mvc, member.email(), World.PASSWORD);

        sso.setSignInPolicy(acme.admin().actor(), acme.org(), new SignInPolicy(true, null));

        mvc.perform(json(post("/api/v1/auth/login").with(Api.fromOwnAddress()),
                        "{\"email\":\"" + member.email() + "\",\"password\":\"" + World.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("single sign-on")));
        var browser = new SsoBrowser(mvc);
        var page = browser.submitLogin("/login", "email=" + member.email() + "&password=" + World.PASSWORD);
        assertThat(page.getResponse().getStatus()).isEqualTo(401);
        assertThat(page.getResponse().getContentAsString()).contains("single sign-on");
        assertThat(browser.session()).isNull();
    }

    @Test
    void theEmailFirstSendsThePersonToTheirOrganizationsProvider() throws Exception {
        var acme = fixture.tenant(unique("realm"));
        String email = acme.email("heidi");
        fixture.idp().nextSignIn(acme.issuerId(), "heidi", MockIdentityProvider.person(email, "Heidi", null));
        var browser = new SsoBrowser(mvc);

        var done = browser.submitLogin("/login/sso", "email=" + email);

        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/");
        mvc.perform(get("/api/v1/me").cookie(browser.session())).andExpect(jsonPath("$.email").value(email));
        var elsewhere = new SsoBrowser(mvc).submitLogin("/login/sso", "email=nobody@no-sso-here.test");
        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(404);
        assertThat(elsewhere.getResponse().getContentAsString()).contains("Enter your password instead");
    }

    @Test
    void apiTokensOfSsoOnlyPeopleStopWhenTheyHaveNotSignedInThroughTheProviderForTheSetDays() throws Exception {
        var acme = fixture.tenant(unique("token-days"));
        String email = acme.email("ivan");
        fixture.idp().nextSignIn(acme.issuerId(), "ivan", MockIdentityProvider.person(email, "Ivan", null));
        var browser = new SsoBrowser(mvc);
        browser.open(acme.startPath());
        String token = mvc.perform(json(post("/api/v1/me/tokens").cookie(browser.session()), "{\"name\":\"cli\",\"lifetimeDays\":90}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        sso.setSignInPolicy(acme.admin().actor(), acme.org(), new SignInPolicy(true, 7));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        clock.advance(Duration.ofDays(8));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());

        fixture.idp().nextSignIn(acme.issuerId(), "ivan", MockIdentityProvider.person(email, "Ivan", null));
        new SsoBrowser(mvc).open(acme.startPath());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void nobodyButTheOrganizationsCustomerAdminsReadsOrChangesItsSingleSignOn() throws Exception {
        var acme = fixture.tenant(unique("guarded"));
        var other = fixture.tenant(unique("other"));
        String path = "/api/v1/organizations/" + acme.org() + "/sso";
        String before = jdbc.sql("SELECT client_id || issuer || client_secret_sealed FROM identity_oidc_provider WHERE org_id = ?")
                .param(acme.org().value()).query(String.class).single();
        String settings = "{\"preset\":\"GENERIC\",\"issuer\":\"https://evil.example/\",\"clientId\":\"x\",\"clientSecret\":\"y\","
                + "\"emailDomains\":[\"evil.example\"]}";
        var outsiders = new java.util.LinkedHashMap<String, Integer>();
        outsiders.put(Api.login(mvc, other.admin().email(), World.PASSWORD).getValue(), 404);
        outsiders.put(Api.login(mvc, world.person(acme.org(), FixedRole.CUSTOMER_USER).email(), World.PASSWORD).getValue(), 403);
        outsiders.put(Api.login(mvc, world.person(acme.org(), FixedRole.PRINT_MANAGER).email(), World.PASSWORD).getValue(), 403);
        outsiders.put(Api.login(mvc, world.rootAdmin().email(), World.PASSWORD).getValue(), 403);
        for (var outsider : outsiders.entrySet()) {
            var cookie = new jakarta.servlet.http.Cookie(Api.SESSION_COOKIE, outsider.getKey());
            int expected = outsider.getValue();
            mvc.perform(get(path + "/oidc").cookie(cookie)).andExpect(status().is(expected));
            mvc.perform(json(put(path + "/oidc").cookie(cookie), settings)).andExpect(status().is(expected));
            mvc.perform(delete(path + "/oidc").cookie(cookie)).andExpect(status().is(expected));
            mvc.perform(get(path + "/policy").cookie(cookie)).andExpect(status().is(expected));
            mvc.perform(json(put(path + "/policy").cookie(cookie), "{\"ssoOnly\":true}")).andExpect(status().is(expected));
        }
        mvc.perform(get(path + "/oidc")).andExpect(status().isUnauthorized());

        var admin = Api.login(mvc, acme.admin().email(), World.PASSWORD);
        mvc.perform(get(path + "/oidc").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value(acme.provider().clientId()))
                .andExpect(jsonPath("$.clientSecret").doesNotExist());
        assertThat(jdbc.sql("SELECT client_id || issuer || client_secret_sealed FROM identity_oidc_provider WHERE org_id = ?")
                .param(acme.org().value()).query(String.class).single()).isEqualTo(before);
        assertThat(sso.signInPolicy(acme.admin().actor(), acme.org()).ssoOnly()).isFalse();
    }
}
