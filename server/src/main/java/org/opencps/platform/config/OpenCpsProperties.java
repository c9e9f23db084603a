package org.opencps.platform.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code opencps.*} setting, with its safe default. Each can be set by environment variable
 * (OPENCPS_DATA_DIR, OPENCPS_BOOTSTRAP_ADMIN_EMAIL, ...). The README lists them all.
 * {@code publicUrl} is null when not set: read the address to hand out from {@link PublicUrl}.
 */
@ConfigurationProperties("opencps")
public record OpenCpsProperties(
        @DefaultValue("./data") Path dataDir,
        URI publicUrl,
        @DefaultValue Security security,
        @DefaultValue Mail mail,
        @DefaultValue Bootstrap bootstrap) {

    public record Security(
            @DefaultValue("3") int lockoutThreshold,
            @DefaultValue("30m") Duration lockoutDuration,
            @DefaultValue("30m") Duration defaultIdleTimeout,
            @DefaultValue("7d") Duration absoluteSessionTimeout,
            @DefaultValue("false") boolean signupEnabled,
            @DefaultValue("90d") Duration apiTokenMaxLifetime,
            @DefaultValue("64KB") org.springframework.util.unit.DataSize maxJsonBody,
            @DefaultValue("30") int loginAttemptsPerSourcePerMinute) {
    }

    public record Mail(
            @DefaultValue("OpenCPS <no-reply@opencps.invalid>") String from) {
    }

    public record Bootstrap(
            String adminEmail,
            String adminPassword,
            @DefaultValue("Root provider") String organizationName) {

        public boolean configured() {
            return adminEmail != null && !adminEmail.isBlank();
        }
    }
}
