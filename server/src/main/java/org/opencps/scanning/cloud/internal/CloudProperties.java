package org.opencps.scanning.cloud.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The deployment's OAuth clients and the endpoints of each cloud storage provider (defaults: the
 * providers' documented endpoints). A provider without a client id cannot be linked unless an
 * organization configures its own client. Client secrets come from the environment or a file,
 * never from the repository.
 */
@ConfigurationProperties("opencps.scanning.cloud")
public record CloudProperties(
        @DefaultValue Provider google,
        @DefaultValue Provider microsoft,
        @DefaultValue Provider box,
        @DefaultValue("64MB") DataSize driveChunkSize,
        @DefaultValue("10MB") DataSize graphFragmentSize,
        @DefaultValue("50MB") DataSize boxChunkedThreshold,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration longestRetry,
        @DefaultValue("1h") Duration linkLifetime) {

    public CloudProperties {
        google = google.withDefaults("https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
                "https://oauth2.googleapis.com/revoke", "https://www.googleapis.com", "https://www.googleapis.com",
                "https://www.googleapis.com/auth/drive.file");
        microsoft = microsoft.withDefaults("https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                "https://login.microsoftonline.com/common/oauth2/v2.0/token", null, "https://graph.microsoft.com/v1.0",
                "https://graph.microsoft.com/v1.0", "offline_access Files.ReadWrite Sites.ReadWrite.All");
        box = box.withDefaults("https://account.box.com/api/oauth2/authorize", "https://api.box.com/oauth2/token",
                "https://api.box.com/oauth2/revoke", "https://api.box.com/2.0", "https://upload.box.com/api/2.0", null);
    }

    /** One provider's OAuth client and endpoints; unset endpoints take the documented ones. */
    public record Provider(String clientId, String clientSecret, URI authorizeUri, URI tokenUri, URI revokeUri,
                           URI apiBase, URI uploadBase, String scope) {

        Provider withDefaults(String authorize, String token, String revoke, String api, String upload, String defaultScope) {
            return new Provider(clientId, clientSecret, or(authorizeUri, authorize), or(tokenUri, token), or(revokeUri, revoke),
                    or(apiBase, api), or(uploadBase, upload), scope != null ? scope : defaultScope);
        }

        private static URI or(URI set, String documented) {
            return set != null ? set : documented == null ? null : URI.create(documented);
        }
    }

    public Provider of(CloudProvider provider) {
        return switch (provider) {
            case GOOGLE -> google;
            case MICROSOFT -> microsoft;
            case BOX -> box;
        };
    }
}
