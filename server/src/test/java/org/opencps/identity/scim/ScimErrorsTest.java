package org.opencps.identity.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.identity.ScimTokens;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bad input gets the SCIM error RFC 7644 §3.12 names (status and scimType in a
 * {@code urn:ietf:params:scim:api:messages:2.0:Error}), and writes nothing. Also the discovery endpoints.
 */
@OpenCpsTest
class ScimErrorsTest {

    private static final String USER = "\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private static final String PATCH = "\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired ScimTokens tokens;
    @Autowired JdbcClient jdbc;

    private ScimFixture org;
    private String userId;
    private String groupId;

    @BeforeEach
    void setUp() throws Exception {
        org = ScimFixture.of(world, tokens, mvc, jdbc, "Errors");
        userId = org.client().post("/Users", "{" + USER + ", \"userName\": \"taken-" + UUID.randomUUID() + "@errors.example\"}")
                .json().path("id").asString();
        groupId = org.client().post("/Groups", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"Taken\"}")
                .json().path("id").asString();
    }

    record Case(HttpMethod method, String path, String body, int status, String scimType) {
    }

    @Test
    void badRequestsGetScimErrorsAndChangeNothing() throws Exception {
        String takenName = org.client().get("/Users/" + userId).json().path("userName").asString();
        List<Case> cases = List.of(
                new Case(HttpMethod.POST, "/Users", "{not json", 400, "invalidSyntax"),
                new Case(HttpMethod.POST, "/Users", "{\"userName\": \"x@errors.example\"}", 400, "invalidSyntax"),
                new Case(HttpMethod.POST, "/Users", "{" + USER + "}", 400, "invalidValue"),
                new Case(HttpMethod.POST, "/Users", "{" + USER + ", \"userName\": \"no-address\"}", 400, "invalidValue"),
                new Case(HttpMethod.POST, "/Users", "{" + USER + ", \"userName\": \"y@errors.example\", \"active\": \"maybe\"}", 400, "invalidValue"),
                new Case(HttpMethod.POST, "/Users", "{" + USER + ", \"userName\": \"" + takenName.toUpperCase() + "\"}", 409, "uniqueness"),
                new Case(HttpMethod.POST, "/Groups", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"taken\"}",
                        409, "uniqueness"),
                new Case(HttpMethod.POST, "/Groups", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"G\","
                        + " \"members\": [{\"value\": \"" + UUID.randomUUID() + "\"}]}", 400, "invalidValue"),
                new Case(HttpMethod.GET, "/Users?filter=userName co \"x\"", null, 400, "invalidFilter"),
                new Case(HttpMethod.GET, "/Users?filter=title eq \"x\"", null, 400, "invalidFilter"),
                new Case(HttpMethod.GET, "/Users?filter=userName eq \"x\" or userName eq \"y\"", null, 400, "invalidFilter"),
                new Case(HttpMethod.GET, "/Users?startIndex=first", null, 400, "invalidValue"),
                new Case(HttpMethod.PATCH, "/Users/" + userId, "{" + PATCH + "}", 400, "invalidSyntax"),
                new Case(HttpMethod.PATCH, "/Users/" + userId, "{" + PATCH + ", \"Operations\": [{\"op\": \"move\", \"path\": \"userName\", \"value\": \"z\"}]}",
                        400, "invalidSyntax"),
                new Case(HttpMethod.PATCH, "/Users/" + userId, "{" + PATCH + ", \"Operations\": [{\"op\": \"remove\"}]}", 400, "noTarget"),
                new Case(HttpMethod.PATCH, "/Users/" + userId, "{" + PATCH + ", \"Operations\": [{\"op\": \"replace\", \"path\": \"id\", \"value\": \""
                        + UUID.randomUUID() + "\"}]}", 400, "mutability"),
                new Case(HttpMethod.PATCH, "/Users/" + userId, "{" + PATCH + ", \"Operations\": [{\"op\": \"replace\", \"path\": \"emails[type eq \\\"work\\\"\","
                        + " \"value\": \"a@errors.example\"}]}", 400, "invalidPath"),
                new Case(HttpMethod.PATCH, "/Users/" + userId, "{" + PATCH + ", \"Operations\": [{\"op\": \"remove\", \"path\": \"userName\"}]}",
                        400, "invalidValue"),
                new Case(HttpMethod.PATCH, "/Groups/" + groupId, "{" + PATCH + ", \"Operations\": [{\"op\": \"add\", \"path\": \"members\","
                        + " \"value\": [{\"value\": \"not-an-id\"}]}]}", 400, "invalidValue"),
                new Case(HttpMethod.PUT, "/Users/" + UUID.randomUUID(), "{" + USER + ", \"userName\": \"q@errors.example\"}", 404, null),
                new Case(HttpMethod.GET, "/Users/not-a-uuid", null, 404, null),
                new Case(HttpMethod.POST, "/Bulk", "{}", 404, null));
        var before = RowCounts.of(jdbc, "identity_");
        String userBefore = org.client().get("/Users/" + userId).json().toString();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            var answer = org.client().send(c.method(), c.path(), c.body());
            var json = answer.json();
            boolean right = answer.status() == c.status()
                    && answer.contentType().startsWith("application/scim+json")
                    && json.path("schemas").get(0).asString().equals("urn:ietf:params:scim:api:messages:2.0:Error")
                    && json.path("status").asString().equals(String.valueOf(c.status()))
                    && (c.scimType() == null ? !json.has("scimType") : json.path("scimType").asString().equals(c.scimType()))
                    && !json.path("detail").asString().isBlank();
            if (!right) {
                wrong.add(c.method() + " " + c.path() + " -> " + answer);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(RowCounts.of(jdbc, "identity_")).isEqualTo(before);
        assertThat(org.client().get("/Users/" + userId).json().toString()).isEqualTo(userBefore);
    }

    @Test
    void withoutATokenTheAnswerIsAScimErrorWithAChallenge() throws Exception {
        var answer = new ScimClient(mvc, null).get("/Users");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.json().path("status").asString()).isEqualTo("401");
    }

    @Test
    void theDiscoveryEndpointsDescribeWhatIsSupported() throws Exception {
        var config = org.client().get("/ServiceProviderConfig").json();
        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("supported").asBoolean()).isFalse();
        assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(200);
        assertThat(config.path("authenticationSchemes").get(0).path("type").asString()).isEqualTo("oauthbearertoken");
        var types = org.client().get("/ResourceTypes").json();
        assertThat(types.path("totalResults").asInt()).isEqualTo(2);
        assertThat(org.client().get("/ResourceTypes/User").json().path("endpoint").asString()).isEqualTo("/Users");
        var schemas = org.client().get("/Schemas").json();
        assertThat(schemas.path("Resources").get(0).path("id").asString()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(org.client().get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").json().path("name").asString()).isEqualTo("Group");
        assertThat(org.client().get("/Schemas/urn:nothing").status()).isEqualTo(404);
    }

    @Test
    void pagesFollowStartIndexAndCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            org.client().post("/Users", "{" + USER + ", \"userName\": \"page" + i + "-" + UUID.randomUUID() + "@errors.example\"}");
        }
        var page = org.client().get("/Users?startIndex=2&count=2").json();
        assertThat(page.path("totalResults").asInt()).isEqualTo(5);
        assertThat(page.path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.path("itemsPerPage").asInt()).isEqualTo(2);
        var all = org.client().get("/Users?count=10").json().path("Resources");
        assertThat(page.path("Resources").get(0).path("id")).isEqualTo(all.get(1).path("id"));
        assertThat(page.path("Resources").get(1).path("id")).isEqualTo(all.get(2).path("id"));
        assertThat(org.client().get("/Users?startIndex=5&count=10").json().path("Resources").size()).isEqualTo(1);
        assertThat(org.client().get("/Users?count=0").json().path("Resources").size()).isZero();
    }
}
