package org.opencps.scanning.cloud.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.cloud.BoxDirect;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.CloudUploadOutcome;
import org.opencps.scanning.cloud.internal.oauth.AccessTokens;
import org.opencps.scanning.cloud.internal.upload.BoxApi;
import org.opencps.scanning.cloud.internal.upload.CloudCallFailed;
import org.springframework.stereotype.Service;

/**
 * Box direct: the device's request body goes on to Box as it arrives, through a simple upload when
 * small and a chunked session when large, holding at most one part in memory and writing nothing
 * anywhere. A part refused for an expired token is sent again (it is still in the buffer) after a
 * refresh; once the body is consumed nothing can be sent again, so a later failure is the device's
 * to retry.
 */
@Service
class BoxDirectUpload implements BoxDirect {

    private static final int COMMIT_TRIES = 5;

    private final BoxApi box;
    private final AccessTokens tokens;

    BoxDirectUpload(BoxApi box, AccessTokens tokens) {
        this.box = box;
        this.tokens = tokens;
    }

    @Override
    public CloudUploadOutcome upload(OrgId organization, UserId person, String fileName, String contentType, long size,
                                     InputStream body) throws IOException {
        try {
            String token = tokens.current(organization, person, CloudService.BOX);
            String id = size < box.chunkedThreshold()
                    ? box.simpleUpload(token, fileName, contentType, size, () -> body)
                    : chunked(new Account(organization, person, token), fileName, size, body);
            return new CloudUploadOutcome.Delivered(id);
        } catch (CloudCallFailed failure) {
            return switch (failure.kind()) {
                case RETRY -> new CloudUploadOutcome.RetryLater(failure.after() == null ? java.time.Duration.ZERO : failure.after(),
                        failure.getMessage());
                default -> new CloudUploadOutcome.Failed(failure.getMessage());
            };
        } catch (IOException broken) {
            // the device's body or the connection to Box broke off: nothing was kept, the device may send again
            return new CloudUploadOutcome.RetryLater(java.time.Duration.ZERO, "the upload to Box broke off: " + broken.getMessage());
        }
    }

    private String chunked(Account account, String fileName, long size, InputStream body) throws IOException {
        BoxApi.Session session = account.call(token -> box.createSession(token, fileName, size));
        byte[] buffer = new byte[session.partSize()];
        MessageDigest whole = BoxApi.sha1();
        List<BoxApi.Part> parts = new ArrayList<>();
        for (long offset = 0; offset < size; ) {
            int length = (int) Math.min(buffer.length, size - offset);
            if (body.readNBytes(buffer, 0, length) < length) {
                throw CloudCallFailed.refused("the upload ended before its " + size + " bytes");
            }
            whole.update(buffer, 0, length);
            long from = offset;
            parts.add(account.call(token -> box.uploadPart(token, session.url(), buffer, length, from, size)));
            offset += length;
        }
        byte[] digest = whole.digest();
        for (int tries = 1; ; tries++) {
            BoxApi.Commit commit = account.call(token -> box.commit(token, session.url(), parts, digest));
            if (commit.fileId() != null) {
                return commit.fileId();
            }
            if (tries == COMMIT_TRIES) {
                throw new CloudCallFailed(CloudCallFailed.Kind.RETRY, "Box is still processing the uploaded parts", commit.retryAfter());
            }
            pause(commit.retryAfter());
        }
    }

    /** The device waits while Box assembles the parts; the wait is Box's own Retry-After, at most a few seconds. */
    private static void pause(java.time.Duration wait) throws IOException {
        try {
            Thread.sleep(Math.min(5_000, Math.max(100, wait.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while Box processed the parts");
        }
    }

    private interface BoxCall<T> {
        T call(String token) throws IOException;
    }

    /** The person's token, refreshed once when Box refuses it. */
    private final class Account {

        private final OrgId org;
        private final UserId person;
        private String token;
        private boolean refreshed;

        Account(OrgId org, UserId person, String token) {
            this.org = org;
            this.person = person;
            this.token = token;
        }

        <T> T call(BoxCall<T> call) throws IOException {
            try {
                return call.call(token);
            } catch (CloudCallFailed failure) {
                if (failure.kind() != CloudCallFailed.Kind.UNAUTHORIZED || refreshed) {
                    throw failure;
                }
                refreshed = true;
                token = tokens.refresh(org, person, CloudService.BOX, token);
                return call.call(token);
            }
        }
    }
}
