package org.opencps.platform.errors;

/** A field of the request breaks a rule (password policy, a range, a format): 422, naming the field. */
public class InvalidInputException extends RuntimeException implements ProblemText {

    private final String field;
    private final String messageKey;
    private final Object[] messageArguments;

    public InvalidInputException(String field, String message) {
        this(field, null, message);
    }

    /** A refusal the portal shows in the reader's language: {@code key} under {@code problem.}, the English text as the message. */
    public InvalidInputException(String field, String key, String englishText, Object... arguments) {
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
