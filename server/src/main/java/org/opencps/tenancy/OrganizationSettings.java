package org.opencps.tenancy;

import java.time.Duration;

/**
 * A customer's settings. The policy fields (print policy, scan destinations, IP allow-list,
 * authentication methods, SSO) are kept as given until the features that read them arrive.
 */
public record OrganizationSettings(int idleLogoutMinutes, int jobRetentionHours, int scanRetentionHours,
                                   String printPolicy, String allowedScanDestinations, String ipAllowList,
                                   String authenticationMethods, String ssoConfiguration) {

    public static final int DEFAULT_IDLE_LOGOUT_MINUTES = 30;
    public static final int DEFAULT_JOB_RETENTION_HOURS = 24;
    public static final int MAX_RETENTION_HOURS = 30 * 24;

    public static OrganizationSettings defaults() {
        return new OrganizationSettings(DEFAULT_IDLE_LOGOUT_MINUTES, DEFAULT_JOB_RETENTION_HOURS,
                DEFAULT_JOB_RETENTION_HOURS, null, null, null, null, null);
    }

    public Duration idleTimeout() {
        return Duration.ofMinutes(idleLogoutMinutes);
    }
}
