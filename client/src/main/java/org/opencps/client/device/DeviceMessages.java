package org.opencps.client.device;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * The Device API's JSON bodies (docs/device-api.md). Records holding a secret leave it out of
 * {@code toString}, so no log line or message can show it.
 */
public final class DeviceMessages {

    private DeviceMessages() {
    }

    public record Registration(String activationCode, String kind, String name, String model, String serialNumber,
                               String hostName, String ipAddress) {
        @Override
        public String toString() {
            return "Registration[" + kind + " " + name + "]";
        }
    }

    public record Registered(String deviceId, String organizationId, String credential) {
        @Override
        public String toString() {
            return "Registered[" + deviceId + "]";
        }
    }

    public record Rotated(String credential) {
        @Override
        public String toString() {
            return "Rotated[]";
        }
    }

    public record NewPrinter(String name, String uri, String model, String serialNumber, String hostName, String ipAddress) {
    }

    public record AddedPrinter(String deviceId) {
    }

    public record Counters(Long totalPages, Long colorPages, Long monochromePages) {
        @JsonIgnore
        public boolean isEmpty() {
            return totalPages == null && colorPages == null && monochromePages == null;
        }
    }

    public record Heartbeat(String status, String statusMessage, Counters counters, Map<String, Boolean> security) {
    }

    public record HeartbeatAnswer(Map<String, Boolean> baseline, List<String> drift, Integer releasesWaiting) {
    }

    /** A person's login at the device: PIN, CARD or PASSWORD. */
    public record Login(String method, String pin, String cardNumber, String email, String password) {
        @Override
        public String toString() {
            return "Login[" + method + "]";
        }
    }

    public record Session(String session, String displayName, Integer idleTimeoutSeconds) {
        @Override
        public String toString() {
            return "Session[" + displayName + "]";
        }
    }

    public record HeldJob(String jobId, String name, int pages, int copies, String colorMode, String sides, String media,
                          String submittedAt) {
    }

    public record ReleaseRequest(List<String> jobIds, Integer copies, String colorMode, String sides) {
    }

    public record Owner(String displayName) {
    }

    /** A released job's ticket, policy already applied. */
    public record Release(String jobId, String name, String format, int pages, int copies, String colorMode, String sides,
                          String media, Integer chargedPages, Owner owner) {
    }

    public record Refusal(String jobId, String reason) {
    }

    public record ReleaseAnswer(List<Release> released, List<Refusal> refused) {
        public ReleaseAnswer {
            released = released == null ? List.of() : released;
            refused = refused == null ? List.of() : refused;
        }
    }

    public record Outcome(boolean success, int pagesPrinted, int colorPages, int monochromePages, boolean sheetsDuplex,
                          String message) {
    }

    /** A scan as the device sees it: accepted at once, then its delivery state (PENDING, DELIVERED, FAILED). */
    public record ScanAnswer(String id, String kind, String fileName, String format, long size, int pages, String state,
                             String lastError) {
    }
}
