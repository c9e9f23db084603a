package org.opencps.client.ipp;

import java.util.List;

/** A job as the printer reports it; {@code impressionsCompleted} is {@code null} when not reported. */
public record IppJob(int id, String name, int stateCode, List<String> reasons, Integer impressionsCompleted, String message) {

    public static final int PROCESSING_STOPPED = 6;
    public static final int CANCELED = 7;
    public static final int ABORTED = 8;
    public static final int COMPLETED = 9;

    /** Ended one way or another: completed, aborted or canceled. */
    public boolean ended() {
        return stateCode >= CANCELED;
    }

    public boolean completed() {
        return stateCode == COMPLETED;
    }

    public String state() {
        return switch (stateCode) {
            case 3 -> "pending";
            case 4 -> "pending-held";
            case 5 -> "processing";
            case PROCESSING_STOPPED -> "processing-stopped";
            case CANCELED -> "canceled";
            case ABORTED -> "aborted";
            case COMPLETED -> "completed";
            default -> "state " + stateCode;
        };
    }
}
