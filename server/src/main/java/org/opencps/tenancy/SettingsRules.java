package org.opencps.tenancy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.text.SpokenLanguages;
import org.opencps.tenancy.internal.network.AddressRange;

/** The ranges an organization's settings must stay within. */
final class SettingsRules {

    static final int MIN_IDLE_MINUTES = 1;
    static final int MAX_IDLE_MINUTES = 24 * 60;
    static final int MAX_ALLOW_LIST_ENTRIES = 64;

    private SettingsRules() {
    }

    static OrganizationSettings validate(OrganizationSettings s) {
        if (s.idleLogoutMinutes() < MIN_IDLE_MINUTES || s.idleLogoutMinutes() > MAX_IDLE_MINUTES) {
            throw new InvalidInputException("idleLogoutMinutes", "problem.settings.idle",
                    "idle logout is between " + MIN_IDLE_MINUTES + " and " + MAX_IDLE_MINUTES + " minutes", MIN_IDLE_MINUTES, MAX_IDLE_MINUTES);
        }
        if (s.jobRetentionHours() < 1 || s.jobRetentionHours() > OrganizationSettings.MAX_RETENTION_HOURS) {
            throw new InvalidInputException("jobRetentionHours", "problem.settings.retention", "retention is between 1 hour and 30 days (720 hours)");
        }
        if (s.deviceLoginMethods().isEmpty()) {
            throw new InvalidInputException("deviceLoginMethods", "problem.settings.loginMethods",
                    "allow at least one way to log in at printers (PIN, CARD or PASSWORD)");
        }
        return new OrganizationSettings(s.idleLogoutMinutes(), s.jobRetentionHours(), allowList(s.ipAllowList()),
                s.deviceLoginMethods(), timeZone(s.timeZone()), SpokenLanguages.require("defaultLanguage", s.defaultLanguage()));
    }

    /** A region-based IANA zone id ({@code Europe/Berlin}) or UTC, as Java knows it; fixed offsets are refused (no DST). */
    static String timeZone(String id) {
        if (id.length() > 64) {
            throw new InvalidInputException("timeZone", "problem.settings.timeZoneForm", "a time zone is an IANA name such as Europe/Berlin");
        }
        try {
            ZoneId zone = ZoneId.of(id);
            if (zone instanceof java.time.ZoneOffset || !zone.getId().equals(id)) {
                throw unknownZone(id);
            }
            return zone.getId();
        } catch (DateTimeException e) {
            throw unknownZone(id);
        }
    }

    private static InvalidInputException unknownZone(String id) {
        return new InvalidInputException("timeZone", "problem.settings.timeZoneUnknown",
                "\"" + id + "\" is not a time zone; use an IANA name such as Europe/Berlin", id);
    }

    /** The entries, stripped, blank ones dropped, each a valid network, at most {@value #MAX_ALLOW_LIST_ENTRIES}. */
    static List<String> allowList(List<String> entries) {
        List<String> kept = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String network = entry.strip();
            if (network.length() > 50) {
                throw new InvalidInputException("ipAllowList", "problem.settings.networkTooLong",
                        "\"" + network.substring(0, 20) + "...\" is too long for a network", network.substring(0, 20));
            }
            try {
                AddressRange.parse(network);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("ipAllowList", "problem.settings.network", e.getMessage(), network);
            }
            if (!kept.contains(network)) {
                kept.add(network);
            }
        }
        if (kept.size() > MAX_ALLOW_LIST_ENTRIES) {
            throw new InvalidInputException("ipAllowList", "problem.settings.tooManyNetworks", "at most " + MAX_ALLOW_LIST_ENTRIES + " networks",
                    MAX_ALLOW_LIST_ENTRIES);
        }
        return kept;
    }
}
