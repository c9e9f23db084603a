package org.opencps.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.testing.Api.login;
import static org.opencps.testing.Eventually.allEventsDelivered;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.RowCounts;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Malformed, mistyped, incomplete, oversized requests and bad ids on the identity routes: each is
 * refused with a status and a message naming what is wrong, and nothing is written.
 */
@OpenCpsTest
class BadInputTest {

    private static final int LIMIT = 64 * 1024;

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired JdbcClient jdbc;

    private World.Person admin;
    private Cookie session;
    private List<Endpoint> endpoints;

    /** A JSON route, a body it accepts, and the session to call it with (null: no login needed). */
    record Endpoint(String path, String validBody, Cookie session) {
    }

    @BeforeEach
    void setUp() throws Exception {
        var customer = world.customer(world.root(), "Bad Input Co " + java.util.UUID.randomUUID());
        admin = world.person(customer, FixedRole.CUSTOMER_ADMIN);
        session = login(mvc, admin.email(), World.PASSWORD);
        endpoints = List.of(
                new Endpoint("/api/v1/auth/login", "{\"email\":\"" + admin.email() + "\",\"password\":\"" + World.PASSWORD + "\"}", null),
                new Endpoint("/api/v1/organizations/" + customer + "/invitations", "{\"email\":\"guest@example.com\",\"roles\":[\"CUSTOMER_USER\"]}", session),
                new Endpoint("/api/v1/me/cards", "{\"number\":\"04A21F9C\",\"label\":\"Badge\"}", session),
                new Endpoint("/api/v1/me/tokens", "{\"name\":\"cli\",\"lifetimeDays\":30}", session));
    }

    /**
     * Once what earlier requests published has been delivered (an audit record written after a
     * commit). Audit records are counted for this test's organization and admin only: the suite's
     * scheduled jobs audit their own work in other organizations at any moment.
     */
    private Map<String, Integer> counts() {
        allEventsDelivered(jdbc);
        var counts = new java.util.TreeMap<>(RowCounts.of(jdbc, "identity_"));
        counts.put("audit_event", jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? OR actor_user_id = ?")
                .params(admin.orgId().value(), admin.userId().value()).query(Integer.class).single());
        return counts;
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, Endpoint endpoint, byte[] body) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(body);
        if (endpoint.session() != null) {
            request.cookie(endpoint.session());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse send(Endpoint endpoint, String body) throws Exception {
        return send(post(endpoint.path()), endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the body, expects the status and (when given) the named field and a detail mentioning the text; nothing written. */
    private void refused(Endpoint endpoint, String body, int status, String field, String detail) throws Exception {
        var before = counts();
        var response = send(endpoint, body);
        String what = endpoint.path() + " " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
        assertThat(response.getStatus()).as(what + " -> " + response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).as(what).contains("json");
        String json = response.getContentAsString();
        if (field != null) {
            assertThat((String) JsonPath.read(json, "$.field")).as(what + " -> " + json).isEqualTo(field);
        }
        if (detail != null) {
            assertThat((String) JsonPath.read(json, "$.detail")).as(what + " -> " + json).contains(detail);
        }
        assertThat(counts()).as(what).isEqualTo(before);
    }

    @Test
    void theValidBodiesAreAccepted() throws Exception {
        // the baseline the bad variants below differ from
        for (Endpoint endpoint : endpoints) {
            assertThat(send(endpoint, endpoint.validBody()).getStatus()).as(endpoint.path()).isIn(200, 201);
        }
    }

    @Test
    void malformedJsonIs400NotWellFormed() throws Exception {
        for (Endpoint endpoint : endpoints) {
            String valid = endpoint.validBody();
            for (String body : List.of(valid.substring(0, valid.length() - 1), "{", "{\"email\":", "{email: \"a@example.com\"}",
                    "{'name': 'cli'}", valid.replace("}", ",}"), "nonsense", valid + "}", valid.replace(":", "::"))) {
                refused(endpoint, body, 400, null, "not well-formed");
            }
        }
    }

    @Test
    void anEmptyOrNonObjectBodyIs400() throws Exception {
        for (Endpoint endpoint : endpoints) {
            for (String body : List.of("", "null", "[]", "42", "\"text\"")) {
                refused(endpoint, body, 400, null, null);
            }
        }
    }

    @Test
    void anUnknownFieldIs400NamingIt() throws Exception {
        for (Endpoint endpoint : endpoints) {
            String body = endpoint.validBody().replaceFirst("\\{", "{\"isAdmin\":true,");
            refused(endpoint, body, 400, "isAdmin", "isAdmin");
            refused(endpoint, endpoint.validBody().replaceFirst("}$", ",\"organizationId\":\"" + admin.orgId() + "\"}"),
                    400, "organizationId", "organizationId");
        }
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheField() throws Exception {
        var login = endpoints.get(0);
        var invitations = endpoints.get(1);
        var cards = endpoints.get(2);
        var tokens = endpoints.get(3);
        // a number, an object, an array or a boolean where a string belongs
        for (String value : List.of("12345678", "{\"a\":1}", "[\"a\"]", "true", "1.5")) {
            refused(login, "{\"email\":" + value + ",\"password\":\"" + World.PASSWORD + "\"}", 400, "email", "email");
            refused(login, "{\"email\":\"" + admin.email() + "\",\"password\":" + value + "}", 400, "password", "password");
            refused(invitations, "{\"email\":" + value + ",\"roles\":[\"CUSTOMER_USER\"]}", 400, "email", "email");
            refused(cards, "{\"number\":" + value + "}", 400, "number", "number");
            refused(cards, "{\"number\":\"04A21F9C\",\"label\":" + value + "}", 400, "label", "label");
            refused(tokens, "{\"name\":" + value + ",\"lifetimeDays\":30}", 400, "name", "name");
        }
        // a string, a fraction, a boolean, an object or null where an integer belongs
        for (String value : List.of("\"thirty\"", "\"30\"", "30.5", "true", "{}", "[30]", "null", "1e400")) {
            refused(tokens, "{\"name\":\"cli\",\"lifetimeDays\":" + value + "}", 400, "lifetimeDays", "lifetimeDays");
        }
        // a string where a list belongs, and a number inside it
        refused(invitations, "{\"email\":\"guest@example.com\",\"roles\":\"CUSTOMER_USER\"}", 400, "roles", "roles");
        refused(invitations, "{\"email\":\"guest@example.com\",\"roles\":{\"CUSTOMER_USER\":true}}", 400, "roles", "roles");
        refused(invitations, "{\"email\":\"guest@example.com\",\"roles\":[7]}", 400, "roles[0]", "roles[0]");
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() throws Exception {
        var login = endpoints.get(0);
        var invitations = endpoints.get(1);
        var cards = endpoints.get(2);
        var tokens = endpoints.get(3);
        refused(login, "{\"password\":\"" + World.PASSWORD + "\"}", 400, "email", "email");
        refused(login, "{\"email\":\"" + admin.email() + "\"}", 400, "password", "password");
        refused(login, "{\"email\":null,\"password\":\"" + World.PASSWORD + "\"}", 400, "email", "email");
        refused(invitations, "{\"roles\":[\"CUSTOMER_USER\"]}", 400, "email", "email");
        refused(invitations, "{\"email\":\"guest@example.com\"}", 400, "roles", "roles");
        refused(invitations, "{\"email\":\"guest@example.com\",\"roles\":null}", 400, "roles", "roles");
        refused(cards, "{}", 400, "number", "number");
        refused(cards, "{\"label\":\"Badge\"}", 400, "number", "number");
        refused(cards, "{\"number\":\"  \"}", 400, "number", "number");
        refused(tokens, "{\"lifetimeDays\":30}", 400, "name", "name");
        refused(tokens, "{\"name\":\"cli\"}", 400, "lifetimeDays", "lifetimeDays");
        refused(tokens, "{}", 400, null, null);
    }

    /** A valid JSON object of exactly {@code size} bytes, for the endpoint, padded in its first string field. */
    private static byte[] bodyOfSize(Endpoint endpoint, int size) {
        String valid = endpoint.validBody();
        int quote = valid.indexOf("\":\"") + 3;
        String padded = valid.substring(0, quote) + "x".repeat(size - valid.length()) + valid.substring(quote);
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    @Test
    void aBodyOver64KiBIs413WithContentLengthAndChunked() throws Exception {
        for (Endpoint endpoint : endpoints) {
            for (boolean chunked : new boolean[] {false, true}) {
                String what = endpoint.path() + (chunked ? " chunked" : " with Content-Length");
                var before = counts();
                var over = send(chunked ? new Chunked(endpoint.path()) : post(endpoint.path()), endpoint, bodyOfSize(endpoint, LIMIT + 1));
                assertThat(over.getStatus()).as(what + " " + over.getContentAsString()).isEqualTo(413);
                assertThat(over.getContentAsString()).as(what).contains("65536");
                var far = send(chunked ? new Chunked(endpoint.path()) : post(endpoint.path()), endpoint, bodyOfSize(endpoint, 4 * LIMIT));
                assertThat(far.getStatus()).as(what).isEqualTo(413);
                // at the limit the body is read, and refused for what it says (a field too long), not for its size
                var at = send(chunked ? new Chunked(endpoint.path()) : post(endpoint.path()), endpoint, bodyOfSize(endpoint, LIMIT));
                assertThat(at.getStatus()).as(what + " " + at.getContentAsString()).isIn(400, 422);
                assertThat(counts()).as(what).isEqualTo(before);
            }
        }
    }

    @Test
    void aPathIdThatIsNotAUuidIs400NamingThePathVariable() throws Exception {
        var customer = admin.orgId();
        var before = counts();
        String card = "{\"number\":\"04A21F9C\"}";
        for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "12345", customer + "0", "x" + customer,
                customer.toString().replace("-", ""))) {
            expectBadId(post("/api/v1/organizations/" + bad + "/invitations").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\":\"guest@example.com\",\"roles\":[\"CUSTOMER_USER\"]}"), "orgId");
            expectBadId(post("/api/v1/organizations/" + bad + "/members/" + admin.userId() + "/cards")
                    .contentType(MediaType.APPLICATION_JSON).content(card), "orgId");
            expectBadId(post("/api/v1/organizations/" + customer + "/members/" + bad + "/cards")
                    .contentType(MediaType.APPLICATION_JSON).content(card), "userId");
            expectBadId(delete("/api/v1/me/cards/" + bad), "cardId");
            expectBadId(delete("/api/v1/me/tokens/" + bad), "tokenId");
            expectBadId(delete("/api/v1/organizations/" + customer + "/invitations/" + bad), "invitationId");
            expectBadId(post("/api/v1/organizations/" + customer + "/members/" + bad + "/pin/reset"), "userId");
        }
        assertThat(counts()).isEqualTo(before);
    }

    private void expectBadId(AbstractMockHttpServletRequestBuilder<?> request, String variable) throws Exception {
        var response = mvc.perform(request.cookie(session)).andReturn().getResponse();
        String json = response.getContentAsString();
        assertThat(response.getStatus()).as(variable + " " + json).isEqualTo(400);
        assertThat((String) JsonPath.read(json, "$.field")).isEqualTo(variable);
        assertThat((String) JsonPath.read(json, "$.detail")).contains(variable);
    }

    /** A POST whose body arrives without a Content-Length, as with Transfer-Encoding: chunked. */
    static final class Chunked extends AbstractMockHttpServletRequestBuilder<Chunked> {

        Chunked(String path) {
            super(HttpMethod.POST);
            uri(path);
            header("Transfer-Encoding", "chunked");
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }
}
