package org.opencps.tenancy;

import org.opencps.platform.errors.InvalidInputException;

/** The ranges an organization's settings must stay within. */
final class SettingsRules {

    static final int MIN_IDLE_MINUTES = 1;
    static final int MAX_IDLE_MINUTES = 24 * 60;

    private SettingsRules() {
    }

    static OrganizationSettings validate(OrganizationSettings s) {
        if (s.idleLogoutMinutes() < MIN_IDLE_MINUTES || s.idleLogoutMinutes() > MAX_IDLE_MINUTES) {
            throw new InvalidInputException("idleLogoutMinutes",
                    "idle logout is between " + MIN_IDLE_MINUTES + " and " + MAX_IDLE_MINUTES + " minutes");
        }
        requireRetention("jobRetentionHours", s.jobRetentionHours());
        requireRetention("scanRetentionHours", s.scanRetentionHours());
        requireLength("printPolicy", s.printPolicy(), 4000);
        requireLength("allowedScanDestinations", s.allowedScanDestinations(), 1000);
        requireLength("ipAllowList", s.ipAllowList(), 4000);
        requireLength("authenticationMethods", s.authenticationMethods(), 400);
        requireLength("ssoConfiguration", s.ssoConfiguration(), 4000);
        return s;
    }

    private static void requireRetention(String field, int hours) {
        if (hours < 1 || hours > OrganizationSettings.MAX_RETENTION_HOURS) {
            throw new InvalidInputException(field, "retention is between 1 hour and 30 days (720 hours)");
        }
    }

    private static void requireLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
    }
}
