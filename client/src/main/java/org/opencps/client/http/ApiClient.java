package org.opencps.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls to one OpenCPS server with fixed headers (the credential). Failures: {@link IOException} when
 * the server could not be reached or its answer not read, {@link ApiException} when it answered with
 * an error. Header values never appear in a message.
 */
public final class ApiClient {

    private static final Duration JSON_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> headers;

    public ApiClient(HttpClient http, URI base, Map<String, String> headers) {
        this.http = http;
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** The same server with one more header on every call. */
    public ApiClient withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(http, base, more);
    }

    public URI base() {
        return base;
    }

    /** A request to a path below the server's address ({@code /api/...}, with its query). */
    public HttpRequest.Builder request(String pathAndQuery) {
        String root = base.toString().replaceAll("/+$", "");
        var builder = HttpRequest.newBuilder(URI.create(root + pathAndQuery));
        headers.forEach(builder::header);
        return builder;
    }

    public <T> T get(String path, Class<T> answer) throws IOException, InterruptedException {
        return exchange(request(path).GET().timeout(JSON_TIMEOUT), answer);
    }

    /** POSTs a JSON body ({@code null}: none) and reads the answer ({@code Void.class}: ignored). */
    public <T> T post(String path, Object body, Class<T> answer) throws IOException, InterruptedException {
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
        return exchange(request(path).POST(publisher).header("Content-Type", "application/json").timeout(JSON_TIMEOUT), answer);
    }

    public void delete(String path) throws IOException, InterruptedException {
        exchange(request(path).DELETE().timeout(JSON_TIMEOUT), Void.class);
    }

    /** Sends a prepared request (no time limit unless it has one) and reads its JSON answer. */
    public <T> T exchange(HttpRequest.Builder request, Class<T> answer) throws IOException, InterruptedException {
        request.header("Accept", "application/json");
        try (InputStream body = open(request)) {
            if (answer == Void.class) {
                body.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return Json.read(body, answer);
        }
    }

    /** Sends a request and, on success, hands over the body as it streams (the caller closes it). */
    public InputStream open(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = NetworkErrors.send(http, base, request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        try (InputStream body = response.body()) {
            throw failure(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body.readNBytes(MAX_ERROR_BODY));
        }
    }

    static ApiException failure(int status, String contentType, byte[] body) {
        if (contentType.contains("json") && body.length > 0) {
            try {
                Problem problem = Json.read(new String(body, StandardCharsets.UTF_8), Problem.class);
                String detail = problem.detail() != null ? problem.detail() : problem.title();
                return new ApiException(status, detail, problem.field());
            } catch (IOException e) {
                // not a problem document after all: fall through to the plain description
            }
        }
        return new ApiException(status, null, null);
    }
}
