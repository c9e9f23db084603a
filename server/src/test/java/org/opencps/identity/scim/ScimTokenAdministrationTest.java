package org.opencps.identity.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Eventually.eventually;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ScimTokens;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SCIM token is the organization's customer admins' to make, see the state of and revoke: the token is shown once
 * and never again; nobody else may call these routes, and a refused call leaves the working token as it was.
 */
@OpenCpsTest
class ScimTokenAdministrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ScimTokens tokens;
    @Autowired JdbcClient jdbc;

    @Test
    void aCustomerAdminMakesSeesAndRevokesTheToken() throws Exception {
        var org = ScimFixture.of(world, tokens, mvc, jdbc, "Admin");
        Actor admin = world.person(org.org(), FixedRole.CUSTOMER_ADMIN).actor();
        String base = "/api/v1/organizations/" + org.org() + "/scim";

        var made = mvc.perform(request(HttpMethod.POST, base + "/token").with(as(admin))).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(201);
        String secret = JSON.readTree(made.getContentAsString()).path("token").asString();
        assertThat(secret).startsWith("ocpss_");
        assertThat(JSON.readTree(made.getContentAsString()).path("baseUrl").asString()).endsWith("/scim/v2");
        assertThat(new ScimClient(mvc, secret).get("/Users").status()).isEqualTo(200);
        assertThat(org.client().get("/Users").status()).as("the token it replaced").isEqualTo(401);

        var status = mvc.perform(request(HttpMethod.GET, base).with(as(admin))).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(status).path("enabled").asBoolean()).isTrue();
        assertThat(status).doesNotContain(secret);
        assertThat(jdbc.sql("SELECT token_hash FROM identity_scim_token WHERE org_id = ?").param(org.org().value())
                .query(String.class).single()).isNotEqualTo(secret).doesNotContain(secret.substring(6));

        assertThat(mvc.perform(request(HttpMethod.DELETE, base + "/token").with(as(admin))).andReturn().getResponse().getStatus())
                .isEqualTo(204);
        assertThat(new ScimClient(mvc, secret).get("/Users").status()).isEqualTo(401);
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND type IN ('SCIM_TOKEN_CREATED',"
                + " 'SCIM_TOKEN_ROTATED', 'SCIM_TOKEN_REVOKED')").param(org.org().value()).query(Integer.class).single()).isEqualTo(3));
    }

    @Test
    void nobodyButTheOrganizationsCustomerAdminsMayCallTheTokenRoutes() throws Exception {
        var org = ScimFixture.of(world, tokens, mvc, jdbc, "Guarded");
        var other = world.customer(world.root(), "Other " + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Actor> callers = Map.of(
                "customer user", world.person(org.org(), FixedRole.CUSTOMER_USER).actor(),
                "print manager", world.person(org.org(), FixedRole.PRINT_MANAGER).actor(),
                "another organization's admin", world.person(other, FixedRole.CUSTOMER_ADMIN).actor(),
                "root provider admin", world.rootAdmin().actor());
        String base = "/api/v1/organizations/" + org.org() + "/scim";
        List<String> wrong = new ArrayList<>();
        for (var route : List.of(HttpMethod.GET + " " + base, HttpMethod.POST + " " + base + "/token", HttpMethod.DELETE + " " + base + "/token")) {
            var method = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
            String path = route.substring(route.indexOf(' ') + 1);
            for (var caller : callers.entrySet()) {
                int status = mvc.perform(request(method, path).with(as(caller.getValue()))).andReturn().getResponse().getStatus();
                if (status != 403 && status != 404) {
                    wrong.add(route + " as " + caller.getKey() + " -> " + status);
                }
            }
            int anonymous = mvc.perform(request(method, path)).andReturn().getResponse().getStatus();
            if (anonymous != 401) {
                wrong.add(route + " anonymously -> " + anonymous);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(org.client().get("/Users").status()).as("the organization's token still works").isEqualTo(200);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }
}
