package org.opencps.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests through the cluster's HAProxy: JSON with a session cookie or a device credential, raw
 * bodies (PDF, IPP), optionally sent to one named process ({@code X-Route-To}). Every answer says
 * which process gave it ({@code X-Served-By}).
 */
final class ClusterClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ClusterClient(int proxyPort) {
        this.base = URI.create("http://127.0.0.1:" + proxyPort);
    }

    /** One answer: its status, body and the process that gave it. */
    record Answer(int status, byte[] bytes, String servedBy) {

        String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body());
        }

        /** This answer, if it is a success (2xx). */
        Answer ok() {
            if (status / 100 != 2) {
                throw new AssertionError("expected a success but got " + status + " from " + servedBy + ": " + body());
            }
            return this;
        }

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + " from " + servedBy + ": " + body());
            }
            return this;
        }
    }

    /** A request under construction: the route, the headers, then the method. */
    final class Call {
        private final HttpRequest.Builder request;

        private Call(String path) {
            request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(3)).header("Accept", "application/json");
        }

        Call to(String process) {
            request.header("X-Route-To", process);
            return this;
        }

        Call header(String name, String value) {
            request.header(name, value);
            return this;
        }

        Call session(String cookie) {
            return header("Cookie", cookie);
        }

        Call device(String credential, String deviceSession) {
            header("Authorization", "Bearer " + credential);
            return deviceSession == null ? this : header("X-OpenCPS-Session", deviceSession);
        }

        Answer get() {
            return send(request.GET());
        }

        Answer delete() {
            return send(request.DELETE());
        }

        Answer post(String json) {
            return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        Answer post(String contentType, byte[] body) {
            return send(request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private Answer send(HttpRequest.Builder ready) {
            try {
                HttpResponse<byte[]> response = http.send(ready.build(), HttpResponse.BodyHandlers.ofByteArray());
                String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("OPENCPS_SESSION="))
                        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
                lastCookie.set(cookie);
                return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-Served-By").orElse("?"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private final ThreadLocal<String> lastCookie = new ThreadLocal<>();

    Call call(String path) {
        return new Call(path);
    }

    /** The session cookie the last answer on this thread set, if any. */
    String lastCookie() {
        return lastCookie.get();
    }

    /** Signs in and returns the session cookie. */
    String login(String email, String password) {
        call("/api/v1/auth/login").post("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").expect(200);
        return java.util.Objects.requireNonNull(lastCookie(), "the sign-in set no session cookie");
    }
}
