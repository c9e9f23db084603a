package org.opencps.testing.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A printer speaking the Device API (docs/device-api.md) over HTTP to the server under test, as
 * an embedded app would: it registers with an activation code, sends heartbeats, fetches the jobs
 * released to it and their documents, and reports what it printed.
 */
public final class Printer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String api;
    private String deviceId;
    private String credential;

    public Printer(String base) {
        this.api = base.replaceAll("/+$", "") + "/api/device/v1";
    }

    public String deviceId() {
        return deviceId;
    }

    public Printer register(String activationCode, String name) throws Exception {
        JsonNode registered = call("POST", "/registrations", """
                {"activationCode": "%s", "kind": "PRINTER", "name": "%s", "model": "ECOSYS M5526cdw",
                 "serialNumber": "VCF9Z01234", "hostName": "printer-floor2.acme.example", "ipAddress": "192.0.2.42"}"""
                .formatted(activationCode, name), 201);
        deviceId = registered.get("deviceId").asString();
        credential = registered.get("credential").asString();
        return this;
    }

    public JsonNode heartbeat(long totalPages) throws Exception {
        return call("POST", "/devices/" + deviceId + "/heartbeat", """
                {"status": "IDLE", "statusMessage": "Ready", "counters": {"totalPages": %d},
                 "security": {"adminPasswordChanged": true, "storageEncryption": true, "dataOverwrite": false,
                              "firmwareVerification": true, "tlsOnly": true}}""".formatted(totalPages), 200);
    }

    /** Prints every job released to it (reading each document through) and reports it printed in black and white. */
    public int printReleased() throws Exception {
        JsonNode waiting = call("GET", "/devices/" + deviceId + "/releases", null, 200);
        for (JsonNode release : waiting) {
            String job = release.get("jobId").asString();
            int pages = release.get("pages").asInt() * release.get("copies").asInt();
            var document = http.send(request("GET", "/devices/" + deviceId + "/releases/" + job + "/document", null),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (document.statusCode() != 200 || document.body().length == 0) {
                throw new AssertionError("document of " + job + ": " + document.statusCode());
            }
            call("POST", "/devices/" + deviceId + "/releases/" + job + "/outcome", """
                    {"success": true, "pagesPrinted": %d, "colorPages": 0, "monochromePages": %d, "sheetsDuplex": false}"""
                    .formatted(pages, pages), 204);
        }
        return waiting.size();
    }

    private JsonNode call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        var response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpRequest request(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(api + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        return request.build();
    }
}
