package org.opencps.platform.errors;

/** A field of the request breaks a rule (password policy, a range, a format): 422, naming the field. */
public class InvalidInputException extends Refusal {

    private final String field;

    public InvalidInputException(String field, String message) {
        this(field, null, message);
    }

    /** A refusal the portal shows in the reader's language: {@code key} under {@code problem.}, the English text as the message. */
    public InvalidInputException(String field, String key, String englishText, Object... arguments) {
        super(key, englishText, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
