package org.opencps.platform.errors;

/** The request is well formed but clashes with the current state (a duplicate name, a used link): 409. */
public class ConflictException extends RuntimeException implements ProblemText {

    private final String field;
    private final String messageKey;
    private final Object[] messageArguments;

    public ConflictException(String field, String message) {
        this(field, null, message);
    }

    /** A refusal the portal shows in the reader's language: {@code key} under {@code problem.}, the English text as the message. */
    public ConflictException(String field, String key, String englishText, Object... arguments) {
        super(englishText);
        this.field = field;
        this.messageKey = key;
        this.messageArguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] messageArguments() {
        return messageArguments.clone();
    }
}
