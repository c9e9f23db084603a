package org.opencps.tenancy.internal.offboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a discontinued organization is kept before it is purged ({@code opencps.offboarding.retention},
 * 90 days), and how often the purge looks for such organizations ({@code opencps.offboarding.check-interval}, 1 hour).
 */
@ConfigurationProperties("opencps.offboarding")
public record OffboardingProperties(@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration checkInterval) {

    public OffboardingProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("opencps.offboarding.retention must be positive");
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("opencps.offboarding.check-interval must be positive");
        }
    }
}
