package org.opencps.devices.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencps.devices.*}. Consecutive failed PIN/card logins that lock a device, and for how
 * long, are {@code opencps.security.lockout-threshold} and {@code lockout-duration}, as for passwords.
 *
 * @param activationCodeValidity how long a new activation code works unless its maker says otherwise
 * @param orgLoginFailuresPerHour failed PIN/card logins per organization per hour before 429
 * @param sessionMaxLifetime absolute lifetime of a person's session at a device
 * @param failedRegistrationsPerSourcePerMinute refused registrations (a wrong code, say) per source address per minute before 429
 * @param credentialFailuresPerSourcePerMinute refused device credentials (Device API and IPP INFRA together) per source
 *        address per minute before every device sign-in from that address is a 429 for a while
 */
@ConfigurationProperties("opencps.devices")
public record DevicesProperties(
        @DefaultValue("24h") Duration activationCodeValidity,
        @DefaultValue("20") int orgLoginFailuresPerHour,
        @DefaultValue("1h") Duration sessionMaxLifetime,
        @DefaultValue("10") int failedRegistrationsPerSourcePerMinute,
        @DefaultValue("20") int credentialFailuresPerSourcePerMinute) {

    public DevicesProperties {
        if (orgLoginFailuresPerHour < 1 || failedRegistrationsPerSourcePerMinute < 1 || credentialFailuresPerSourcePerMinute < 1) {
            throw new IllegalArgumentException("opencps.devices limits must be at least 1");
        }
        if (sessionMaxLifetime.isNegative() || sessionMaxLifetime.isZero()) {
            throw new IllegalArgumentException("opencps.devices.session-max-lifetime must be positive");
        }
    }
}
