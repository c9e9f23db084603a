package org.opencps.scanning.cloud.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.opencps.scanning.cloud.internal.CloudProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Box's upload API: the simple multipart upload to the root folder, and chunked upload sessions
 * (create → part_size; PUT parts with {@code Digest: sha=} and Content-Range; list the parts taken;
 * commit with the parts and the whole file's SHA-1). A session is named by its upload_part URL;
 * its commit and parts endpoints hang below it.
 */
@Component
public class BoxApi {

    /** A chunked upload session: its URL (the upload_part endpoint) and the size of every part but the last. */
    public record Session(String url, int partSize) {
    }

    /** A part Box took, as its commit wants it listed. */
    public record Part(String partId, long offset, long size, String sha1) {
    }

    /** What a commit answered: the file's id, or the wait Box asks for while it still processes parts. */
    public record Commit(String fileId, Duration retryAfter) {
    }

    private final CloudHttp http;
    private final CloudProperties properties;
    private final Clock clock;

    BoxApi(CloudHttp http, CloudProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    public long chunkedThreshold() {
        return properties.boxChunkedThreshold().toBytes();
    }

    /** Uploads the whole file in one multipart request, streaming {@code body} ({@code size} bytes). */
    public String simpleUpload(String token, String fileName, String contentType, long size, Supplier<InputStream> body) throws IOException {
        String boundary = "opencps-" + UUID.randomUUID();
        String attributes = ProviderResponses.write(Map.of("name", fileName, "parent", Map.of("id", "0")));
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attributes\"\r\n\r\n" + attributes + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "")
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher multipart = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofInputStream(body),
                HttpRequest.BodyPublishers.ofByteArray(tail)), head.length + size + tail.length);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(properties.box().uploadBase() + "/files/content"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipart));
        ProviderResponses.check(response, "Box", clock);
        return fileId(ProviderResponses.json(response.body()));
    }

    public Session createSession(String token, String fileName, long size) throws IOException {
        String body = ProviderResponses.write(Map.of("folder_id", "0", "file_size", size, "file_name", fileName));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(properties.box().uploadBase() + "/files/upload_sessions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        ProviderResponses.check(response, "Box", clock);
        JsonNode session = ProviderResponses.json(response.body());
        String url = session.path("session_endpoints").path("upload_part").asString("");
        int partSize = session.path("part_size").asInt(0);
        if (url.isBlank() || partSize <= 0) {
            throw CloudCallFailed.retry("Box opened no usable upload session");
        }
        return new Session(url, partSize);
    }

    /** The part size of a session begun earlier. */
    public Session session(String token, String url) throws IOException {
        HttpResponse<String> response = http.send(authorized(url, token).GET());
        gone(response);
        ProviderResponses.check(response, "Box", clock);
        return new Session(url, ProviderResponses.json(response.body()).path("part_size").asInt(0));
    }

    public Part uploadPart(String token, String url, byte[] buffer, int length, long offset, long total) throws IOException {
        HttpResponse<String> response = http.send(authorized(url, token)
                .header("Digest", "sha=" + Base64.getEncoder().encodeToString(sha1(buffer, length)))
                .header("Content-Range", ContentRange.of(offset, length, total))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(buffer, 0, length)));
        gone(response);
        ProviderResponses.check(response, "Box", clock);
        return part(ProviderResponses.json(response.body()).path("part"));
    }

    public List<Part> listParts(String token, String url) throws IOException {
        List<Part> parts = new ArrayList<>();
        int offset = 0;
        while (true) {
            HttpResponse<String> response = http.send(authorized(url + "/parts?limit=1000&offset=" + offset, token).GET());
            gone(response);
            ProviderResponses.check(response, "Box", clock);
            JsonNode page = ProviderResponses.json(response.body());
            page.path("entries").forEach(entry -> parts.add(part(entry)));
            offset += page.path("entries").size();
            if (page.path("entries").isEmpty() || offset >= page.path("total_count").asInt(0)) {
                return parts;
            }
        }
    }

    public Commit commit(String token, String url, List<Part> parts, byte[] wholeSha1) throws IOException {
        List<Map<String, Object>> listed = parts.stream().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("part_id", p.partId());
            part.put("offset", p.offset());
            part.put("size", p.size());
            part.put("sha1", p.sha1());
            return part;
        }).toList();
        HttpResponse<String> response = http.send(authorized(url + "/commit", token)
                .header("Digest", "sha=" + Base64.getEncoder().encodeToString(wholeSha1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderResponses.write(Map.of("parts", listed)))));
        gone(response);
        if (response.statusCode() == 202) {
            Duration after = ProviderResponses.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock);
            return new Commit(null, after == null ? Duration.ofSeconds(1) : after);
        }
        ProviderResponses.check(response, "Box", clock);
        return new Commit(fileId(ProviderResponses.json(response.body())), null);
    }

    public static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1"); // Box's own choice of digest for parts and files
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha1(byte[] buffer, int length) {
        MessageDigest digest = sha1();
        digest.update(buffer, 0, length);
        return digest.digest();
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private static void gone(HttpResponse<String> response) {
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            throw new CloudCallFailed(CloudCallFailed.Kind.SESSION_GONE, "Box forgot the upload session", null);
        }
    }

    private static Part part(JsonNode part) {
        return new Part(part.path("part_id").asString(""), part.path("offset").asLong(), part.path("size").asLong(),
                part.path("sha1").asString(""));
    }

    private static String fileId(JsonNode body) {
        String id = body.path("entries").path(0).path("id").asString("");
        if (id.isBlank()) {
            throw CloudCallFailed.retry("Box answered without a file id");
        }
        return id;
    }
}
