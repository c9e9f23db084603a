package org.opencps.documents.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencps.documents.*}: where documents are kept (filesystem or S3), how often keys rotate,
 * and how long a stored document may wait for its job row before the sweep takes it for an orphan.
 */
@ConfigurationProperties("opencps.documents")
public record DocumentsProperties(
        @DefaultValue("filesystem") Store store,
        @DefaultValue("90d") Duration keyRotationInterval,
        @DefaultValue("1h") Duration keyRotationCheckInterval,
        @DefaultValue("1h") Duration orphanGrace,
        @DefaultValue("1h") Duration orphanSweepInterval,
        @DefaultValue S3 s3) {

    public enum Store { FILESYSTEM, S3 }

    public DocumentsProperties {
        for (Duration d : new Duration[] {keyRotationInterval, keyRotationCheckInterval, orphanSweepInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("opencps.documents intervals must be positive");
            }
        }
        if (orphanGrace.isNegative()) {
            throw new IllegalArgumentException("opencps.documents.orphan-grace must not be negative");
        }
    }

    /** An S3-compatible bucket; {@code endpoint} is empty for AWS itself. */
    public record S3(URI endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
                     String secretKey, @DefaultValue("false") boolean pathStyle) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
        }
    }
}
