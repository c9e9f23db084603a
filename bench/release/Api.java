import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The bench's view of the OpenCPS API: people with a session cookie, printers with a credential. */
final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Api(URI base) {
        this.base = base;
    }

    Session anonymous() {
        return new Session(null);
    }

    Session login(String email, String password) {
        var request = json("/api/v1/auth/login", "POST",
                "{\"email\":" + Json.quote(email) + ",\"password\":" + Json.quote(password) + "}", null).build();
        HttpResponse<String> response = send(request);
        String cookie = sessionCookie(response)
                .orElseThrow(() -> new IllegalStateException("login of " + email + " set no session cookie"));
        var session = new Session(cookie);
        session.lastBody = response.body();
        return session;
    }

    Device device(String credential) {
        return new Device(credential, null);
    }

    private static java.util.Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("OPENCPS_SESSION="))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst();
    }

    /** A person's session (or none, for the public routes); it follows the new session id the server gives on switching organization. */
    final class Session {
        private volatile String cookie;
        private String lastBody;

        private Session(String cookie) {
            this.cookie = cookie;
        }

        String lastBody() {
            return lastBody;
        }

        String get(String path) {
            return send(json(path, "GET", null, this::authorize).build()).body();
        }

        String post(String path, String body) {
            HttpResponse<String> response = send(json(path, "POST", body, this::authorize).build());
            sessionCookie(response).ifPresent(renewed -> cookie = renewed);
            return response.body();
        }

        String upload(String path, String type, byte[] content) {
            var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", type).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content));
            authorize(request);
            return send(request.build()).body();
        }

        private void authorize(HttpRequest.Builder request) {
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
        }
    }

    /** A printer: its credential, and the session of the person logged in at it. */
    final class Device {
        private final String credential;
        private final String session;

        private Device(String credential, String session) {
            this.credential = credential;
            this.session = session;
        }

        Device withSession(String personSession) {
            return new Device(credential, personSession);
        }

        String get(String path) {
            return send(json(path, "GET", null, this::authorize).build()).body();
        }

        String post(String path, String body) {
            return send(json(path, "POST", body, this::authorize).build()).body();
        }

        void delete(String path) {
            send(json(path, "DELETE", null, this::authorize).build());
        }

        InputStream stream(String path) throws IOException {
            var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
            authorize(request);
            try {
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    String body;
                    try (InputStream in = response.body()) {
                        body = new String(in.readNBytes(600), StandardCharsets.UTF_8);
                    }
                    throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + body);
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        private void authorize(HttpRequest.Builder request) {
            request.header("Authorization", "Bearer " + credential);
            if (session != null) {
                request.header("X-OpenCPS-Session", session);
            }
        }
    }

    private HttpRequest.Builder json(String path, String method, String body, java.util.function.Consumer<HttpRequest.Builder> auth) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (auth != null) {
            auth.accept(request);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                String body = response.body();
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + body.substring(0, Math.min(body.length(), 600)));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
