package org.opencps.portal.internal.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answers of the portal's few JSON routes that its own scripts call (passkeys): where the browser goes next, or
 * a text to show, already in the reader's language.
 */
public final class JsonAnswers {

    private JsonAnswers() {
    }

    public static ResponseEntity<Map<String, String>> goTo(String location) {
        return ResponseEntity.ok(Map.of("location", location));
    }

    /** A refusal: the status and the message the page shows; with {@code location}, where to go instead (step-up). */
    public static ResponseEntity<Map<String, String>> refused(HttpStatus status, String message, String location) {
        return ResponseEntity.status(status).body(location == null ? Map.of("message", message)
                : Map.of("message", message, "location", location));
    }
}
