package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.ScimTokens;
import org.opencps.identity.SingleSignOn;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * SCIM users and single sign-on: an account the organization's provisioning created is bound to the person's identity
 * at their first sign-in through the organization's provider (no ACCOUNT_NOT_LINKED for it); a deactivated SCIM user
 * is not signed in (nor made a member again by the sign-in); and another organization's provider cannot claim an
 * account that A's provisioning created.
 */
@SsoTest
class ScimSignInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired ScimTokens tokens;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private SsoFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SsoFixture(world, sso, clock);
    }

    @Test
    void aProvisionedAccountIsBoundAtItsFirstSignInAndADeactivatedOneIsRefused() throws Exception {
        var acme = fixture.tenant(OidcSignInTest.unique("scim-acme"));
        String token = tokens.rotate(acme.admin().actor(), acme.org()).token();
        String email = acme.email("carol");
        String id = provision(token, email);

        fixture.idp().nextSignIn(acme.issuerId(), "carol-subject", MockIdentityProvider.person(email, "Carol", null));
        var browser = new SsoBrowser(mvc);
        assertThat(browser.open(acme.startPath()).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(JSON.readTree(mvc.perform(get("/api/v1/me").cookie(browser.session())).andReturn().getResponse().getContentAsString())
                .path("id").asString()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT user_id FROM identity_external_identity WHERE subject = 'carol-subject'").query(UUID.class).single())
                .hasToString(id);

        var deactivated = mvc.perform(scim(patch("/scim/v2/Users/" + id), token).content("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"))
                .andReturn().getResponse();
        assertThat(deactivated.getStatus()).as(deactivated.getContentAsString()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/me").cookie(browser.session())).andReturn().getResponse().getStatus()).isEqualTo(401);

        fixture.idp().nextSignIn(acme.issuerId(), "carol-subject", MockIdentityProvider.person(email, "Carol", null));
        var again = new SsoBrowser(mvc);
        again.open(acme.startPath());
        assertThat(again.session()).as("a deactivated SCIM user is not signed in").isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_membership WHERE org_id = ? AND user_id = ?")
                .params(acme.org().value(), UUID.fromString(id)).query(Integer.class).single()).as("nor made a member again").isZero();
    }

    @Test
    void anotherOrganizationsProviderCannotClaimAnAccountAsProvisioningCreated() throws Exception {
        var acme = fixture.tenant(OidcSignInTest.unique("scim-owner"));
        var rival = fixture.tenant(OidcSignInTest.unique("scim-rival"));
        String token = tokens.rotate(acme.admin().actor(), acme.org()).token();
        // provisioned by A with an address in the domain B's provider signs in: only A's provider may bind it
        String email = rival.email("dave");
        provision(token, email);

        fixture.idp().nextSignIn(rival.issuerId(), "dave-at-rival", MockIdentityProvider.person(email, "Dave", null));
        var browser = new SsoBrowser(mvc);
        browser.open(rival.startPath());

        assertThat(browser.session()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_external_identity WHERE subject = 'dave-at-rival'").query(Integer.class).single())
                .isZero();
    }

    private String provision(String token, String email) throws Exception {
        var created = mvc.perform(scim(post("/scim/v2/Users"), token)
                        .content("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email + "\"}"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return JSON.readTree(created.getContentAsString()).path("id").asString();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder scim(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token).contentType("application/scim+json");
    }
}
