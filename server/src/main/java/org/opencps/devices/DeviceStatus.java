package org.opencps.devices;

import java.time.Instant;
import java.util.List;

/**
 * What a device said of itself last, and when: in a heartbeat, or (for a printer behind an IPP
 * INFRA proxy) in Update-Output-Device-Attributes. {@code stateReasons} are the printer's RFC 8011
 * printer-state-reasons keywords, empty for none (and after a heartbeat, which has none).
 */
public record DeviceStatus(Status status, String statusMessage, List<String> stateReasons, Counters counters,
                           SecuritySettings security, Instant reportedAt) {

    /** The longest status message kept. */
    public static final int MAX_MESSAGE_LENGTH = 500;

    public enum Status { IDLE, PRINTING, WARNING, ERROR }

    public DeviceStatus {
        stateReasons = stateReasons == null ? List.of() : List.copyOf(stateReasons);
    }

    /** The device's page counters; null where it did not report one. */
    public record Counters(Long totalPages, Long colorPages, Long monochromePages) {

        public static final Counters NONE = new Counters(null, null, null);
    }
}
