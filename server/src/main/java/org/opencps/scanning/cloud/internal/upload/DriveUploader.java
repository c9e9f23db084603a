package org.opencps.scanning.cloud.internal.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.CloudUpload;
import org.opencps.scanning.cloud.internal.CloudProperties;
import org.springframework.stereotype.Component;

/**
 * Google Drive's resumable upload (Drive API v3): a POST with the file's metadata opens a session
 * whose URI comes back in Location; pieces (multiples of 256 KiB, streamed, so their size costs no
 * memory) are PUT with Content-Range and answered 308 with the Range Google holds, the last one
 * 200/201 with the file. A session begun
 * earlier is first asked what it holds ({@code Content-Range: bytes *}{@code /size}), and the upload
 * continues from there; a session Google no longer knows (404/410) is begun anew.
 */
@Component
class DriveUploader implements Uploader {

    private static final int GRANULE = 256 * 1024;
    private static final int RESUME_INCOMPLETE = 308;

    private final CloudHttp http;
    private final CloudProperties properties;
    private final Clock clock;

    DriveUploader(CloudHttp http, CloudProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean serves(CloudService service) {
        return service == CloudService.DRIVE;
    }

    @Override
    public String upload(CloudUpload upload, UploadSession session, String accessToken, String driveId) throws IOException {
        if (session.url() == null) {
            session.begun(begin(upload, accessToken));
        } else {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(session.url()))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Content-Range", "bytes */" + upload.size())
                    .PUT(HttpRequest.BodyPublishers.noBody()));
            String done = progress(status, session);
            if (done != null) {
                return done;
            }
        }
        long pieceSize = Math.max(GRANULE, properties.driveChunkSize().toBytes() / GRANULE * GRANULE);
        try (StreamedPieces pieces = new StreamedPieces(upload.content())) {
            while (true) {
                long offset = session.confirmed();
                long length = Math.min(pieceSize, upload.size() - offset);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(session.url()))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Range", ContentRange.of(offset, length, upload.size()))
                        .PUT(pieces.piece(offset, length)));
                String done = progress(response, session);
                if (done != null) {
                    return done;
                }
            }
        }
    }

    private String begin(CloudUpload upload, String accessToken) throws IOException {
        URI uri = URI.create(properties.google().uploadBase() + "/upload/drive/v3/files?uploadType=resumable");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Type", upload.contentType())
                .header("X-Upload-Content-Length", Long.toString(upload.size()))
                .POST(HttpRequest.BodyPublishers.ofString(ProviderResponses.write(Map.of("name", upload.fileName())))));
        ProviderResponses.check(response, "Google Drive", clock);
        return response.headers().firstValue("Location")
                .orElseThrow(() -> CloudCallFailed.retry("Google Drive opened no upload session (no Location)"));
    }

    /** Records what Google confirmed; answers the file's id once it holds the whole document, else null. */
    private String progress(HttpResponse<String> response, UploadSession session) {
        int status = response.statusCode();
        if (status == RESUME_INCOMPLETE) {
            session.confirmed(ContentRange.confirmedBy(response.headers().firstValue("Range").orElse(null)));
            return null;
        }
        if (status == 404 || status == 410) {
            session.reset();
            throw new CloudCallFailed(CloudCallFailed.Kind.SESSION_GONE, "Google Drive forgot the upload session", null);
        }
        ProviderResponses.check(response, "Google Drive", clock);
        String id = ProviderResponses.json(response.body()).path("id").asString("");
        if (id.isBlank()) {
            throw CloudCallFailed.retry("Google Drive finished the upload without a file id");
        }
        return id;
    }
}
