package org.opencps.scanning.cloud.internal.upload;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a provider's error answers mean for a delivery, the same for Google, Microsoft and Box. */
public final class ProviderResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderResponses() {
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Throws the failure an unsuccessful answer stands for; returns when the status is 2xx. */
    public static void check(HttpResponse<String> response, String what, Clock clock) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = what + " answered " + status + describe(response.body());
        if (status == 429) {
            throw new CloudCallFailed(CloudCallFailed.Kind.RETRY, reason,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock));
        }
        if (status == 401) {
            throw new CloudCallFailed(CloudCallFailed.Kind.UNAUTHORIZED, reason, null);
        }
        if (status >= 500 || status == 408) {
            throw new CloudCallFailed(CloudCallFailed.Kind.RETRY, reason,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock));
        }
        throw CloudCallFailed.refused(reason);
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** The provider's own words from an error body (Google, Graph and Box each nest them differently). */
    private static String describe(String body) {
        JsonNode json = json(body);
        for (String text : new String[] {
                json.path("error").path("message").asString(""), json.path("message").asString(""),
                json.path("error_description").asString(""), json.path("error").isString() ? json.path("error").asString("") : "",
                json.path("code").isString() ? json.path("code").asString("") : ""}) {
            if (!text.isBlank()) {
                return ": " + (text.length() > 200 ? text.substring(0, 200) : text);
            }
        }
        return "";
    }
}
