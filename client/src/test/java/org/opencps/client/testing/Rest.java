package org.opencps.client.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opencps.client.http.HttpClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's REST API as one signed-in person (a session cookie), for setting up what the client
 * is then tested against: organizations, people, tokens, PINs.
 */
public final class Rest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern INVITATION = Pattern.compile("inv_[A-Za-z0-9_-]+");

    private final URI base;
    private final HttpClient http;
    private String organizationId;

    public Rest(URI base, Path trustedCertificate) {
        this.base = base;
        var builder = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10));
        if (trustedCertificate != null) {
            builder.sslContext(HttpClients.trusting(trustedCertificate));
        }
        this.http = builder.build();
    }

    public JsonNode login(String email, String password) throws IOException, InterruptedException {
        JsonNode answer = call("POST", "/api/v1/auth/login", JSON.createObjectNode().put("email", email).put("password", password));
        organizationId = answer.path("organizationId").asString(null);
        return answer;
    }

    /** The organization this person works in (selected at login). */
    public String organizationId() {
        return organizationId;
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return call("POST", path, body);
    }

    /** Sends JSON (a JsonNode or a JSON string) and returns the answer; anything but 2xx fails the test. */
    public JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    /** Submits a document as this person's held job (POST /api/v1/jobs, the file as the body); the job's id. */
    public String submit(Path document, String query) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs" + query)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofFile(document));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new AssertionError("POST /api/v1/jobs answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("id").asString();
    }

    /** A new customer organization below the administrator's own, with room for ten devices. */
    public String customer(String name) throws IOException, InterruptedException {
        String body = """
                {"kind":"CUSTOMER","name":"%s","license":{"deviceLimit":50,"plan":"client tests","termStart":"2020-01-01","termEnd":"2099-12-31"}}"""
                .formatted(name);
        return post("/api/v1/organizations/" + organizationId + "/children", body).path("id").asString();
    }

    /** Invites someone into the organization, accepts from the mail outbox, and signs them in. */
    public Rest invite(ServerUnderTest server, String org, String email, String role, String password)
            throws IOException, InterruptedException {
        post("/api/v1/organizations/" + org + "/invitations", "{\"email\":\"" + email + "\",\"roles\":[\"" + role + "\"]}");
        String token = Wait.until(Duration.ofSeconds(20), "the invitation mail to " + email,
                () -> invitationFor(server.dataDir().resolve("mail-outbox"), email), () -> "no such mail in the outbox");
        var person = new Rest(base, server.certificate());
        person.post("/api/v1/invitations/" + token + "/accept", "{\"displayName\":\"" + email.split("@")[0] + "\",\"password\":\"" + password + "\"}");
        person.login(email, password);
        return person;
    }

    /** A personal API token's secret. */
    public String apiToken() throws IOException, InterruptedException {
        return post("/api/v1/me/tokens", "{\"name\":\"client tests\",\"lifetimeDays\":1}").path("secret").asString();
    }

    public String pin() throws IOException, InterruptedException {
        return get("/api/v1/me/pin").path("pin").asString();
    }

    private static Optional<String> invitationFor(Path outbox, String email) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        try (Stream<Path> mails = Files.list(outbox)) {
            for (Path mail : mails.sorted().toList().reversed()) {
                String text = Files.readString(mail).replace("=\r\n", "").replace("=\n", "");
                if (text.contains(email)) {
                    Matcher token = INVITATION.matcher(text);
                    if (token.find()) {
                        return Optional.of(token.group());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** What GET returns as a list. */
    public List<JsonNode> list(String path) throws IOException, InterruptedException {
        JsonNode answer = get(path);
        return answer.isArray() ? List.copyOf(answer.valueStream().toList()) : List.of();
    }
}
