package org.opencps.scanning.cloud.internal.upload;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.CloudUpload;
import org.opencps.scanning.cloud.internal.CloudProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * OneDrive and SharePoint Online through Microsoft Graph's upload sessions: createUploadSession on
 * the person's drive (OneDrive) or the chosen site drive (SharePoint) answers an uploadUrl, which
 * carries its own authorization (no bearer token is sent to it); byte ranges in multiples of
 * 320 KiB are PUT and answered 202 with nextExpectedRanges, the last one 200/201 with the driveItem.
 * A session begun earlier is asked (GET on the uploadUrl) which ranges it still expects.
 */
@Component
class GraphUploader implements Uploader {

    private static final int GRANULE = 320 * 1024;

    private final CloudHttp http;
    private final CloudProperties properties;
    private final Clock clock;

    GraphUploader(CloudHttp http, CloudProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean serves(CloudService service) {
        return service == CloudService.ONEDRIVE || service == CloudService.SHAREPOINT;
    }

    @Override
    public String upload(CloudUpload upload, UploadSession session, String accessToken, String driveId) throws IOException {
        if (session.url() == null) {
            session.begun(begin(upload, accessToken, driveId));
        } else {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(session.url())).GET());
            if (status.statusCode() == 404) {
                session.reset();
                throw new CloudCallFailed(CloudCallFailed.Kind.SESSION_GONE, "Microsoft Graph forgot the upload session", null);
            }
            ProviderResponses.check(status, "Microsoft Graph", clock);
            session.confirmed(nextExpected(ProviderResponses.json(status.body()), upload.size()));
        }
        int fragment = Math.max(GRANULE, (int) Math.min(60L * 1024 * 1024, properties.graphFragmentSize().toBytes()) / GRANULE * GRANULE);
        try (Chunks chunks = new Chunks(upload.content(), upload.size(), fragment)) {
            while (true) {
                long offset = session.confirmed();
                int length = chunks.read(offset);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(session.url()))
                        .header("Content-Range", ContentRange.of(offset, length, upload.size()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(chunks.buffer(), 0, length)));
                if (response.statusCode() == 404) {
                    session.reset();
                    throw new CloudCallFailed(CloudCallFailed.Kind.SESSION_GONE, "Microsoft Graph forgot the upload session", null);
                }
                ProviderResponses.check(response, "Microsoft Graph", clock);
                JsonNode body = ProviderResponses.json(response.body());
                if (response.statusCode() == 202) {
                    session.confirmed(nextExpected(body, upload.size()));
                } else {
                    String id = body.path("id").asString("");
                    if (id.isBlank()) {
                        throw CloudCallFailed.retry("Microsoft Graph finished the upload without an item id");
                    }
                    return id;
                }
            }
        }
    }

    private String begin(CloudUpload upload, String accessToken, String driveId) throws IOException {
        String drive = upload.service() == CloudService.SHAREPOINT
                ? "/drives/" + URLEncoder.encode(driveId, StandardCharsets.UTF_8) : "/me/drive";
        URI uri = URI.create(properties.microsoft().apiBase() + drive + "/root:/"
                + URLEncoder.encode(upload.fileName(), StandardCharsets.UTF_8).replace("+", "%20") + ":/createUploadSession");
        String item = ProviderResponses.write(Map.of("item", Map.of("@microsoft.graph.conflictBehavior", "rename", "name", upload.fileName())));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(item)));
        ProviderResponses.check(response, "Microsoft Graph", clock);
        String uploadUrl = ProviderResponses.json(response.body()).path("uploadUrl").asString("");
        if (uploadUrl.isBlank()) {
            throw CloudCallFailed.retry("Microsoft Graph opened no upload session (no uploadUrl)");
        }
        return uploadUrl;
    }

    /** The first byte Graph still expects ({@code "26-"} or {@code "26-99"}): everything before it is held. */
    private static long nextExpected(JsonNode body, long size) {
        JsonNode ranges = body.path("nextExpectedRanges");
        if (!ranges.isArray() || ranges.isEmpty()) {
            return size;
        }
        String first = ranges.get(0).asString("");
        try {
            return Long.parseLong(first.substring(0, first.indexOf('-')));
        } catch (RuntimeException unreadable) {
            throw CloudCallFailed.retry("Microsoft Graph expects an unreadable range: " + first);
        }
    }
}
