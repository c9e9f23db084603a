package org.opencps.printing;

import org.opencps.platform.errors.InvalidInputException;

/**
 * A release would take a person past one of their monthly quotas (their own, or a group pool they
 * share): 422 naming the field "quota"; the message says what the job needs and what is left.
 */
public class QuotaExceededException extends InvalidInputException {

    private final int needed;
    private final int left;

    public QuotaExceededException(String key, String message, int needed, int left, Object... arguments) {
        super("quota", key, message, arguments);
        this.needed = needed;
        this.left = left;
    }

    public int needed() {
        return needed;
    }

    public int left() {
        return left;
    }
}
