package org.opencps.platform.errors;

/** The request is well formed but clashes with the current state (a duplicate name, a used link): 409. */
public class ConflictException extends Refusal {

    private final String field;

    public ConflictException(String field, String message) {
        this(field, null, message);
    }

    /** A refusal the portal shows in the reader's language: {@code key} under {@code problem.}, the English text as the message. */
    public ConflictException(String field, String key, String englishText, Object... arguments) {
        super(key, englishText, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
