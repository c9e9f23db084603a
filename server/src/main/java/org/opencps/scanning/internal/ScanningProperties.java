package org.opencps.scanning.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code opencps.scanning.*}: the largest scan any organization may allow, the largest PDF encrypted
 * with a password (PDFBox holds it in memory), how often due
 * deliveries are looked for, how long one attempt may hold its scan, how many attempts a delivery
 * gets and the backoff between them (doubling from {@code retry-backoff} up to {@code max-backoff}),
 * and how often scans past their retention are purged.
 */
@ConfigurationProperties("opencps.scanning")
public record ScanningProperties(
        @DefaultValue("4GB") DataSize maxScanSize,
        @DefaultValue("64MB") DataSize maxEncryptedSize,
        @DefaultValue("2s") Duration deliveryInterval,
        @DefaultValue("10m") Duration deliveryLease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5m") Duration retentionCheckInterval) {

    public ScanningProperties {
        if (maxScanSize.toBytes() <= 0 || maxAttempts < 1 || retryBackoff.isNegative() || maxBackoff.compareTo(retryBackoff) < 0
                || deliveryLease.isNegative() || deliveryLease.isZero()) {
            throw new IllegalArgumentException("opencps.scanning: sizes, attempts and durations must be positive");
        }
    }

    /** The wait before attempt {@code attempts + 1}: the backoff doubled per failed attempt, capped. */
    public Duration backoffAfter(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
