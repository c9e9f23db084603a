package org.opencps.scanning.cloud;

import java.time.Duration;

/** How one upload attempt ended. */
public sealed interface CloudUploadOutcome {

    /** The service holds the whole document under {@code remoteId}. */
    record Delivered(String remoteId) implements CloudUploadOutcome {
    }

    /** Worth trying again, no sooner than {@code after} (an outage, a rate limit, a refresh that failed for now). */
    record RetryLater(Duration after, String reason) implements CloudUploadOutcome {
    }

    /** Will not succeed by trying again (account unlinked, access revoked, file refused). */
    record Failed(String reason) implements CloudUploadOutcome {
    }
}
