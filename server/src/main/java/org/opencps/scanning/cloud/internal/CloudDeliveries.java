package org.opencps.scanning.cloud.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.opencps.documents.OrgSecrets;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.scanning.cloud.CloudService;
import org.opencps.scanning.cloud.CloudStorage;
import org.opencps.scanning.cloud.CloudUpload;
import org.opencps.scanning.cloud.CloudUploadOutcome;
import org.opencps.scanning.cloud.internal.oauth.AccessTokens;
import org.opencps.scanning.cloud.internal.persistence.CloudAccountStore;
import org.opencps.scanning.cloud.internal.persistence.CloudUploadStore;
import org.opencps.scanning.cloud.internal.upload.CloudCallFailed;
import org.opencps.scanning.cloud.internal.upload.UploadSession;
import org.opencps.scanning.cloud.internal.upload.Uploader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One attempt at a cloud delivery: the person's own access token, the upload session stored under
 * the delivery key (resumed, not restarted), and the provider's answer turned into an outcome. A
 * refused access token is refreshed once per attempt; a session the provider forgot is begun anew
 * once; an outage or rate limit is retried later (the provider's Retry-After, otherwise a backoff
 * that doubles with each failed attempt of the delivery).
 */
@Service
class CloudDeliveries implements CloudStorage {

    private static final Logger log = LoggerFactory.getLogger(CloudDeliveries.class);

    private final List<Uploader> uploaders;
    private final AccessTokens tokens;
    private final CloudAccountStore accounts;
    private final CloudUploadStore uploads;
    private final OrgSecrets secrets;
    private final CloudProperties properties;
    private final Clock clock;

    CloudDeliveries(List<Uploader> uploaders, AccessTokens tokens, CloudAccountStore accounts, CloudUploadStore uploads,
                    OrgSecrets secrets, CloudProperties properties, Clock clock) {
        this.secrets = secrets;
        this.uploaders = uploaders;
        this.tokens = tokens;
        this.accounts = accounts;
        this.uploads = uploads;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean linked(OrgId organization, UserId person, CloudService service) {
        return accounts.find(organization, person, service).isPresent();
    }

    @Override
    public CloudUploadOutcome upload(CloudUpload upload) {
        StoredSession session = new StoredSession(upload);
        try {
            String remoteId = attempt(upload, session);
            uploads.delete(upload.organization(), upload.deliveryKey());
            return new CloudUploadOutcome.Delivered(remoteId);
        } catch (CloudCallFailed failure) {
            return switch (failure.kind()) {
                case REFUSED, UNAUTHORIZED, SESSION_GONE -> {
                    uploads.delete(upload.organization(), upload.deliveryKey());
                    yield new CloudUploadOutcome.Failed(failure.getMessage());
                }
                case RETRY -> later(session, failure.after(), failure.getMessage());
            };
        } catch (IOException | UncheckedIOException unreachable) {
            return later(session, null, upload.service() + " could not be reached: " + unreachable.getMessage());
        }
    }

    private String attempt(CloudUpload upload, StoredSession session) throws IOException {
        Uploader uploader = uploaders.stream().filter(u -> u.serves(upload.service())).findFirst()
                .orElseThrow(() -> CloudCallFailed.refused(upload.service() + " is not supported"));
        String driveId = null;
        if (upload.service() == CloudService.SHAREPOINT) {
            driveId = accounts.find(upload.organization(), upload.person(), upload.service())
                    .orElseThrow(() -> CloudCallFailed.refused("no linked " + upload.service() + " account")).driveId();
            if (driveId == null) {
                throw CloudCallFailed.refused("no SharePoint drive is chosen for the linked account");
            }
        }
        String token = tokens.current(upload.organization(), upload.person(), upload.service());
        boolean refreshed = false;
        boolean restarted = false;
        while (true) {
            try {
                return uploader.upload(upload, session, token, driveId);
            } catch (CloudCallFailed failure) {
                if (failure.kind() == CloudCallFailed.Kind.UNAUTHORIZED && !refreshed) {
                    refreshed = true;
                    token = tokens.refresh(upload.organization(), upload.person(), upload.service(), token);
                } else if (failure.kind() == CloudCallFailed.Kind.SESSION_GONE && !restarted) {
                    restarted = true;
                } else {
                    throw failure;
                }
            }
        }
    }

    private CloudUploadOutcome later(StoredSession session, Duration asked, String reason) {
        int failures = session.failedOnceMore();
        Duration backoff = properties.firstRetry().multipliedBy(1L << Math.min(failures - 1, 20));
        Duration after = asked != null ? asked : backoff.compareTo(properties.longestRetry()) > 0 ? properties.longestRetry() : backoff;
        log.info("cloud delivery {} to try again in {}: {}", session.upload.deliveryKey(), after, reason);
        return new CloudUploadOutcome.RetryLater(after, reason);
    }

    /** The delivery's session in {@code scanning_cloud_upload}, written through on every change. */
    private final class StoredSession implements UploadSession {

        private final CloudUpload upload;
        private String url;
        private long confirmed;
        private int failedAttempts;

        StoredSession(CloudUpload upload) {
            this.upload = upload;
            uploads.find(upload.organization(), upload.person(), upload.service(), upload.deliveryKey()).ifPresent(row -> {
                url = row.sessionUrl() == null ? null : secrets.open(upload.organization(), row.sessionUrl(), context()).orElse(null);
                confirmed = row.confirmedOffset();
                failedAttempts = row.failedAttempts();
            });
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public long confirmed() {
            return confirmed;
        }

        @Override
        public void begun(String sessionUrl) {
            url = sessionUrl;
            confirmed = 0;
            save();
        }

        @Override
        public void confirmed(long offset) {
            confirmed = offset;
            save();
        }

        @Override
        public void reset() {
            url = null;
            confirmed = 0;
            save();
        }

        int failedOnceMore() {
            failedAttempts++;
            save();
            return failedAttempts;
        }

        private void save() {
            uploads.save(upload.organization(), upload.person(), upload.service(), upload.deliveryKey(),
                    url == null ? null : secrets.seal(upload.organization(), url, context()), confirmed, failedAttempts, clock.instant());
        }

        /** Session URLs are capabilities (Graph's carry their own authorization): sealed like tokens. */
        private String context() {
            return "cloud upload session/" + upload.person() + "/" + upload.service() + "/" + upload.deliveryKey();
        }
    }
}
