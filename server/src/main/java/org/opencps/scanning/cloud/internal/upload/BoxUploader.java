package org.opencps.scanning.cloud.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.CloudUpload;
import org.springframework.stereotype.Component;

/**
 * Box deliveries: below the chunked threshold one simple upload (nothing to resume: a failed one
 * is sent again); above it a chunked upload session, resumed by listing the parts Box holds and
 * sending only what follows them. The whole file's SHA-1 for the commit is computed while the parts
 * stream; after a resume the parts Box already holds are read again here (not sent) to complete it.
 */
@Component
class BoxUploader implements Uploader {

    private final BoxApi box;

    BoxUploader(BoxApi box) {
        this.box = box;
    }

    @Override
    public boolean serves(CloudService service) {
        return service == CloudService.BOX;
    }

    @Override
    public String upload(CloudUpload upload, UploadSession session, String token, String driveId) throws IOException {
        if (upload.size() < box.chunkedThreshold()) {
            return box.simpleUpload(token, upload.fileName(), upload.contentType(), upload.size(), () -> {
                try {
                    return upload.content().openFrom(0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        try {
            return chunked(upload, session, token);
        } catch (CloudCallFailed failure) {
            if (failure.kind() == CloudCallFailed.Kind.SESSION_GONE) {
                session.reset();
            }
            throw failure;
        }
    }

    private String chunked(CloudUpload upload, UploadSession session, String token) throws IOException {
        BoxApi.Session boxSession;
        List<BoxApi.Part> parts = new ArrayList<>();
        if (session.url() == null) {
            boxSession = box.createSession(token, upload.fileName(), upload.size());
            session.begun(boxSession.url());
        } else {
            boxSession = box.session(token, session.url());
            long held = 0;
            for (BoxApi.Part part : box.listParts(token, session.url()).stream().sorted(Comparator.comparingLong(BoxApi.Part::offset)).toList()) {
                if (part.offset() != held) {
                    break;
                }
                parts.add(part);
                held += part.size();
            }
            session.confirmed(held);
        }
        MessageDigest whole = BoxApi.sha1();
        digestHeld(upload, session.confirmed(), whole);
        try (Chunks chunks = new Chunks(upload.content(), upload.size(), boxSession.partSize())) {
            while (session.confirmed() < upload.size()) {
                long offset = session.confirmed();
                int length = chunks.read(offset);
                whole.update(chunks.buffer(), 0, length);
                parts.add(box.uploadPart(token, boxSession.url(), chunks.buffer(), length, offset, upload.size()));
                session.confirmed(offset + length);
            }
        }
        BoxApi.Commit commit = box.commit(token, boxSession.url(), parts, whole.digest());
        if (commit.fileId() == null) {
            throw new CloudCallFailed(CloudCallFailed.Kind.RETRY, "Box is still processing the uploaded parts", commit.retryAfter());
        }
        return commit.fileId();
    }

    private static void digestHeld(CloudUpload upload, long held, MessageDigest whole) throws IOException {
        if (held == 0) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream content = upload.content().openFrom(0)) {
            for (long left = held; left > 0; ) {
                int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new java.io.EOFException("the stored scan is shorter than what Box holds");
                }
                whole.update(buffer, 0, n);
                left -= n;
            }
        }
    }
}
