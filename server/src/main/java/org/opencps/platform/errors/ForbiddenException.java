package org.opencps.platform.errors;

/** The caller knows the thing exists (its own organization, say) but may not do this to it: 403. */
public class ForbiddenException extends Refusal {

    public ForbiddenException(String message) {
        super(null, message);
    }

    /** A refusal the portal shows in the reader's language: {@code key} under {@code problem.}, the English text as the message. */
    public ForbiddenException(String key, String englishText, Object... arguments) {
        super(key, englishText, arguments);
    }
}
