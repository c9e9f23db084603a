package org.opencps.platform.errors;

/**
 * A refusal with its English text (the exception's message, which the API's problem+json keeps)
 * and, when a person may read it in the portal, a message key under {@code problem.} with the
 * key's arguments, so a page can say it in the reader's language.
 */
public abstract class Refusal extends RuntimeException implements ProblemText {

    private final String messageKey;
    private final Object[] messageArguments;

    protected Refusal(String key, String englishText, Object... arguments) {
        super(englishText);
        this.messageKey = key;
        this.messageArguments = arguments.clone();
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
