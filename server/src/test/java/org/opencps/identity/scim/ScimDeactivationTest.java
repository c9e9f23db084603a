package org.opencps.identity.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.ScimTokens;
import org.opencps.testing.Api;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deactivation through SCIM shuts a person out at once: their login sessions end and their API tokens stop working,
 * on the very next request. Provisioning takes over an existing member by their address, never an account outside the
 * organization, and cannot deactivate the organization's last admin.
 */
@OpenCpsTest
class ScimDeactivationTest {

    private static final String DEACTIVATE = """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}""";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ScimTokens tokens;
    @Autowired ApiTokens apiTokens;
    @Autowired JdbcClient jdbc;

    private ScimFixture org;

    @BeforeEach
    void setUp() {
        org = ScimFixture.of(world, tokens, mvc, jdbc, "Fabrikam");
    }

    @Test
    void deactivationEndsTheSessionsAndRevokesTheApiTokensAtOnce() throws Exception {
        var person = world.person(org.org(), FixedRole.CUSTOMER_USER);
        var session = Api.login(mvc, person.email(), World.PASSWORD);
        String apiToken = apiTokens.create(person.actor(), "cli", 30).secret();
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + apiToken))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));

        var taken = org.client().post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s", "externalId": "ext-1"}"""
                .formatted(person.email()));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        assertThat(taken.json().path("id").asString()).as("the existing member is taken over").isEqualTo(person.userId().toString());

        var deactivated = org.client().patch("/Users/" + person.userId(), DEACTIVATE);
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

        assertThat(mvc.perform(get("/api/v1/me").cookie(session)).andReturn().getResponse().getStatus())
                .as("the login session ended").isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + apiToken)).andReturn().getResponse().getStatus())
                .as("the API token stopped").isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_api_token WHERE user_id = ?").param(person.userId().value())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT email FROM identity_user WHERE id = ?").param(person.userId().value()).query(String.class).single())
                .as("a taken-over account stays its owner's").isEqualTo(person.email());
    }

    @Test
    void theLastAdminCannotBeDeactivated() throws Exception {
        var onlyAdmin = org.admin();
        assertThat(org.client().post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}""".formatted(onlyAdmin.email())).status())
                .isEqualTo(201);

        var refused = org.client().patch("/Users/" + onlyAdmin.userId(), DEACTIVATE);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("scimType").asString()).isEqualTo("mutability");
        assertThat(org.isMember(onlyAdmin.userId().toString())).isTrue();
        assertThat(org.client().get("/Users/" + onlyAdmin.userId()).json().path("active").asBoolean()).as("nothing half-written").isTrue();
        assertThat(org.client().delete("/Users/" + onlyAdmin.userId()).status()).isEqualTo(400);
        assertThat(org.isMember(onlyAdmin.userId().toString())).isTrue();
    }

    @Test
    void anAccountOutsideTheOrganizationIsNotPulledIn() throws Exception {
        var elsewhere = world.customer(world.root(), "Elsewhere " + UUID.randomUUID().toString().substring(0, 8));
        var stranger = world.person(elsewhere, FixedRole.CUSTOMER_USER);

        var refused = org.client().post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}""".formatted(stranger.email()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("scimType").asString()).isEqualTo("uniqueness");
        assertThat(org.isMember(stranger.userId().toString())).isFalse();
        assertThat(org.client().get("/Users").json().path("totalResults").asInt()).isZero();
    }
}
