package org.opencps.devices;

import java.time.Instant;

/** What a device said in its latest heartbeat, and when. */
public record DeviceStatus(Status status, String statusMessage, Counters counters, SecuritySettings security,
                           Instant reportedAt) {

    public enum Status { IDLE, PRINTING, WARNING, ERROR }

    /** The device's page counters; null where it did not report one. */
    public record Counters(Long totalPages, Long colorPages, Long monochromePages) {

        public static final Counters NONE = new Counters(null, null, null);
    }
}
