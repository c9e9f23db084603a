package org.opencps.tenancy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An organization's settings. {@code ipAllowList}: the networks (CIDR, IPv4 or IPv6, or single
 * addresses) from which its people, API tokens, print queues and devices are accepted; empty
 * accepts every address. {@code deviceLoginMethods}: how people may log in at its printers.
 * {@code timeZone}: an IANA zone id (such as {@code Europe/Berlin}) whose days, weeks and months its
 * reports count in and its pages show times in; null or blank means {@value #DEFAULT_TIME_ZONE}.
 * {@code defaultLanguage}: the language of its pages and e-mails for people who chose none and whose
 * browser asks for none OpenCPS speaks; null or blank means {@value #DEFAULT_LANGUAGE}.
 */
public record OrganizationSettings(int idleLogoutMinutes, int jobRetentionHours, List<String> ipAllowList,
                                   Set<DeviceLoginMethod> deviceLoginMethods, String timeZone, String defaultLanguage) {

    public static final int DEFAULT_IDLE_LOGOUT_MINUTES = 30;
    public static final int DEFAULT_JOB_RETENTION_HOURS = 24;
    public static final int MAX_RETENTION_HOURS = 30 * 24;
    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final String DEFAULT_LANGUAGE = "en";

    public OrganizationSettings {
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
        deviceLoginMethods = deviceLoginMethods == null ? Set.copyOf(EnumSet.allOf(DeviceLoginMethod.class))
                : Set.copyOf(deviceLoginMethods);
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone.strip();
        defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? DEFAULT_LANGUAGE : defaultLanguage.strip();
    }

    /** Settings in the default language. */
    public OrganizationSettings(int idleLogoutMinutes, int jobRetentionHours, List<String> ipAllowList,
                                Set<DeviceLoginMethod> deviceLoginMethods, String timeZone) {
        this(idleLogoutMinutes, jobRetentionHours, ipAllowList, deviceLoginMethods, timeZone, null);
    }

    /** Settings in the default time zone and language. */
    public OrganizationSettings(int idleLogoutMinutes, int jobRetentionHours, List<String> ipAllowList,
                                Set<DeviceLoginMethod> deviceLoginMethods) {
        this(idleLogoutMinutes, jobRetentionHours, ipAllowList, deviceLoginMethods, null, null);
    }

    public static OrganizationSettings defaults() {
        return new OrganizationSettings(DEFAULT_IDLE_LOGOUT_MINUTES, DEFAULT_JOB_RETENTION_HOURS, List.of(), null);
    }

    /** The time zone; only valid once {@link SettingsRules} checked it (stored settings always are). */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration idleTimeout() {
        return Duration.ofMinutes(idleLogoutMinutes);
    }
}
