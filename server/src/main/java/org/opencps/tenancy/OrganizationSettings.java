package org.opencps.tenancy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An organization's settings. {@code ipAllowList}: the networks (CIDR, IPv4 or IPv6, or single
 * addresses) from which its people, API tokens, print queues and devices are accepted; empty
 * accepts every address. {@code deviceLoginMethods}: how people may log in at its printers.
 */
public record OrganizationSettings(int idleLogoutMinutes, int jobRetentionHours, List<String> ipAllowList,
                                   Set<DeviceLoginMethod> deviceLoginMethods) {

    public static final int DEFAULT_IDLE_LOGOUT_MINUTES = 30;
    public static final int DEFAULT_JOB_RETENTION_HOURS = 24;
    public static final int MAX_RETENTION_HOURS = 30 * 24;

    public OrganizationSettings {
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
        deviceLoginMethods = deviceLoginMethods == null ? Set.copyOf(EnumSet.allOf(DeviceLoginMethod.class))
                : Set.copyOf(deviceLoginMethods);
    }

    public static OrganizationSettings defaults() {
        return new OrganizationSettings(DEFAULT_IDLE_LOGOUT_MINUTES, DEFAULT_JOB_RETENTION_HOURS, List.of(), null);
    }

    public Duration idleTimeout() {
        return Duration.ofMinutes(idleLogoutMinutes);
    }
}
