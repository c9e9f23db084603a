package org.opencps.platform.errors;

import java.time.Duration;

/** The caller went over a rate limit: 429 with Retry-After. */
public class TooManyRequestsException extends Refusal {

    private final Duration retryAfter;
    private final boolean firstRefusal;

    public TooManyRequestsException(String message, Duration retryAfter) {
        this(message, retryAfter, false);
    }

    /** {@code firstRefusal}: the caller had been allowed until now; later refusals repeat it. */
    public TooManyRequestsException(String message, Duration retryAfter, boolean firstRefusal) {
        this(null, message, retryAfter, firstRefusal);
    }

    /**
     * A refusal the portal shows in the reader's language: {@code key} under {@code problem.}, the
     * English text as the message; the wait stays the Retry-After of the API's answer.
     */
    public TooManyRequestsException(String key, String englishText, Duration retryAfter, boolean firstRefusal, Object... arguments) {
        super(key, englishText, arguments);
        this.retryAfter = retryAfter;
        this.firstRefusal = firstRefusal;
    }

    public boolean firstRefusal() {
        return firstRefusal;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The Retry-After header's value for this refusal. */
    public String retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    /** A wait as a Retry-After value: whole seconds, rounded up (a client waiting less would be refused again), at least 1. */
    public static String retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() == 0 ? 0 : 1);
        return Long.toString(Math.max(1, seconds));
    }
}
