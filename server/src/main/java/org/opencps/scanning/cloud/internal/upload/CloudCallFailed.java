package org.opencps.scanning.cloud.internal.upload;

import java.time.Duration;

/** A provider's answer that ends the current try: what kind of answer decides what the delivery does next. */
public final class CloudCallFailed extends RuntimeException {

    public enum Kind {
        /** Worth trying again later (an outage, a rate limit); {@link #after()} is the provider's wish, if it said one. */
        RETRY,
        /** The access token was refused: refresh it and try again. */
        UNAUTHORIZED,
        /** The upload session expired or is unknown: begin a new one. */
        SESSION_GONE,
        /** Trying again will not help (the account must be linked again, the file was refused). */
        REFUSED
    }

    private final Kind kind;
    private final transient Duration after;

    public CloudCallFailed(Kind kind, String reason, Duration after) {
        super(reason);
        this.kind = kind;
        this.after = after;
    }

    public static CloudCallFailed refused(String reason) {
        return new CloudCallFailed(Kind.REFUSED, reason, null);
    }

    public static CloudCallFailed retry(String reason) {
        return new CloudCallFailed(Kind.RETRY, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The wait the provider asked for (Retry-After), or null. */
    public Duration after() {
        return after;
    }
}
