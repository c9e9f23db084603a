package org.opencps.identity.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.identity.ApiTokens;
import org.opencps.identity.ScimTokens;
import org.opencps.platform.security.ActorAuthentication;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A SCIM token of organization A never reads or writes B: every /scim route (taken from Spring's own mappings, so a
 * new route without a probe fails) is called with A's token and B's ids and valid bodies, answers 404 and changes no
 * row; B's people are neither found by A's filters nor usable as A's group members; an address of B's member cannot
 * pull them into A. Nothing but an organization's SCIM token opens /scim: not a person's session or API token.
 */
@OpenCpsTest
class ScimTenancyTest {

    /** Each /scim route with a valid body, so that only the tenancy refuses it. */
    static final Map<String, String> PROBES = Map.ofEntries(
            Map.entry("GET /scim/v2/Users/{id}", ""),
            Map.entry("PUT /scim/v2/Users/{id}", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"probe@a.example\",\"active\":false}"),
            Map.entry("PATCH /scim/v2/Users/{id}", "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"),
            Map.entry("DELETE /scim/v2/Users/{id}", ""),
            Map.entry("GET /scim/v2/Groups/{id}", ""),
            Map.entry("PUT /scim/v2/Groups/{id}", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"probe\",\"members\":[]}"),
            Map.entry("PATCH /scim/v2/Groups/{id}", "{\"Operations\":[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]}"),
            Map.entry("DELETE /scim/v2/Groups/{id}", ""));

    /** Routes with no id: lists (checked below for B's people), creation (checked below) and discovery, which is the same for all. */
    static final Set<String> WITHOUT_IDS = Set.of("GET /scim/v2/Users", "POST /scim/v2/Users", "GET /scim/v2/Groups",
            "POST /scim/v2/Groups", "GET /scim/v2/ServiceProviderConfig", "GET /scim/v2/ResourceTypes",
            "GET /scim/v2/ResourceTypes/{id}", "GET /scim/v2/Schemas", "GET /scim/v2/Schemas/{id}",
            // anything else: a SCIM 404
            "GET /scim/v2/**", "POST /scim/v2/**", "PUT /scim/v2/**", "PATCH /scim/v2/**", "DELETE /scim/v2/**");

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ScimTokens tokens;
    @Autowired ApiTokens apiTokens;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private ScimFixture a;
    private ScimFixture b;
    private String bUser;
    private String bUserName;
    private String bGroup;

    @BeforeEach
    void twoOrganizations() throws Exception {
        a = ScimFixture.of(world, tokens, mvc, jdbc, "Tenant A");
        b = ScimFixture.of(world, tokens, mvc, jdbc, "Tenant B");
        bUserName = "b-" + UUID.randomUUID().toString().substring(0, 8) + "@b.example";
        bUser = b.client().post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + bUserName
                + "\",\"externalId\":\"b-ext\"}").json().path("id").asString();
        bGroup = b.client().post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"B group\","
                + "\"members\":[{\"value\":\"" + bUser + "\"}]}").json().path("id").asString();
    }

    @Test
    void everyScimRouteIsProbedOrListed() {
        Set<String> routes = scimRoutes();
        Set<String> listed = new TreeSet<>(PROBES.keySet());
        listed.addAll(WITHOUT_IDS);
        assertThat(listed).as("the probe table names exactly the /scim routes").isEqualTo(routes);
    }

    @Test
    void aTokenOfAWithIdsOfBGets404AndChangesNothing() throws Exception {
        var before = RowCounts.of(jdbc, "identity_");
        String bBefore = b.client().get("/Users/" + bUser).json().toString() + b.client().get("/Groups/" + bGroup).json();
        List<String> wrong = new ArrayList<>();
        for (var probe : PROBES.entrySet()) {
            String method = probe.getKey().substring(0, probe.getKey().indexOf(' '));
            String path = probe.getKey().substring(probe.getKey().indexOf(' ') + "/scim/v2".length() + 1)
                    .replace("{id}", probe.getKey().contains("/Users/") ? bUser : bGroup);
            var answer = a.client().send(HttpMethod.valueOf(method), path, probe.getValue().isEmpty() ? null : probe.getValue());
            if (answer.status() != 404) {
                wrong.add(probe.getKey() + " -> " + answer);
            }
        }
        assertThat(wrong).as("routes that answered other than 404").isEmpty();
        assertThat(RowCounts.of(jdbc, "identity_")).as("rows after the probe").isEqualTo(before);
        assertThat(b.client().get("/Users/" + bUser).json().toString() + b.client().get("/Groups/" + bGroup).json()).isEqualTo(bBefore);
        assertThat(b.isMember(bUser)).isTrue();
    }

    @Test
    void aListsAndFindsNothingOfB() throws Exception {
        for (String query : List.of("/Users", "/Users?filter=userName eq \"" + bUserName + "\"", "/Users?filter=externalId eq \"b-ext\"",
                "/Users?filter=id eq \"" + bUser + "\"", "/Groups", "/Groups?filter=displayName eq \"B group\"")) {
            var answer = a.client().get(query);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("totalResults").asInt()).as(query).isZero();
        }
    }

    @Test
    void bsPeopleCannotBeMadeMembersOfAsGroupsNorProvisionedIntoA() throws Exception {
        var group = a.client().post("/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"A group\","
                + "\"members\":[{\"value\":\"" + bUser + "\"}]}");
        assertThat(group.status()).isEqualTo(400);
        assertThat(group.json().path("scimType").asString()).isEqualTo("invalidValue");
        assertThat(a.client().get("/Groups").json().path("totalResults").asInt()).as("nothing half-written").isZero();

        var pull = a.client().post("/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + bUserName + "\"}");
        assertThat(pull.status()).isEqualTo(409);
        assertThat(pull.json().path("scimType").asString()).isEqualTo("uniqueness");
        assertThat(a.isMember(bUser)).isFalse();
    }

    @Test
    void nothingButTheOrganizationsScimTokenOpensScim() throws Exception {
        var admin = world.person(a.org(), FixedRole.CUSTOMER_ADMIN);
        String apiToken = apiTokens.create(admin.actor(), "cli", 30).secret();
        List<String> opened = new ArrayList<>();
        for (var call : Map.of(
                "no token", request(HttpMethod.GET, "/scim/v2/Users"),
                "a person's API token", request(HttpMethod.GET, "/scim/v2/Users").header("Authorization", "Bearer " + apiToken),
                "a made-up token", request(HttpMethod.GET, "/scim/v2/Users").header("Authorization", "Bearer ocpss_" + UUID.randomUUID()),
                "a logged-in admin", request(HttpMethod.GET, "/scim/v2/Users").with(authentication(new ActorAuthentication(admin.actor()))),
                "a deleted group by a logged-in admin", request(HttpMethod.DELETE, "/scim/v2/Groups/" + bGroup)
                        .with(authentication(new ActorAuthentication(world.person(b.org(), FixedRole.CUSTOMER_ADMIN).actor())))).entrySet()) {
            var response = mvc.perform(call.getValue()).andReturn().getResponse();
            if (response.getStatus() != 401 || !response.getContentAsString().contains("urn:ietf:params:scim:api:messages:2.0:Error")) {
                opened.add(call.getKey() + " -> " + response.getStatus());
            }
        }
        assertThat(opened).isEmpty();
        assertThat(b.groupName(bGroup)).isEqualTo("B group");
    }

    @Test
    void aRotatedTokenStopsAtOnceAndARevokedOneToo() throws Exception {
        String fresh = tokens.rotate(a.admin().actor(), a.org()).token();
        assertThat(a.client().get("/Users").status()).as("the old token").isEqualTo(401);
        var current = new ScimClient(mvc, fresh);
        assertThat(current.get("/Users").status()).isEqualTo(200);
        tokens.revoke(a.admin().actor(), a.org());
        assertThat(current.get("/Users").status()).isEqualTo(401);
    }

    private Set<String> scimRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/scim/"))
                .forEach(pattern -> {
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        routes.add("ANY " + pattern);
                    }
                    methods.forEach(method -> routes.add(method.name() + " " + pattern));
                }));
        return routes;
    }
}
