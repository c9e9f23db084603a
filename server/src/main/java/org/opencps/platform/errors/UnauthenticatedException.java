package org.opencps.platform.errors;

/** The credentials were missing or wrong: 401. The message never says which part was wrong. */
public class UnauthenticatedException extends Refusal {

    public UnauthenticatedException(String message) {
        super(null, message);
    }

    /** A refusal the portal shows in the reader's language: {@code key} under {@code problem.}, the English text as the message. */
    public UnauthenticatedException(String key, String englishText, Object... arguments) {
        super(key, englishText, arguments);
    }
}
