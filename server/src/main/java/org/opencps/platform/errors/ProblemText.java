package org.opencps.platform.errors;

/**
 * A refusal a person may read in the portal: besides its English text (the exception's message,
 * which the API's problem+json keeps) it may name a message key under {@code problem.} and the
 * key's arguments, so a page can say it in the reader's language. No key: only the English text.
 */
public interface ProblemText {

    /** The message key, or null when the refusal has only its English text. */
    String messageKey();

    /** The arguments of the key's text ({0}, {1} ...). */
    Object[] messageArguments();

    /** The English text. */
    String getMessage();

    /** An argument that is a list of names (each a text or a message to resolve), read as one list in the reader's language. */
    record Names(java.util.List<?> names) {

        public Names {
            names = java.util.List.copyOf(names);
        }
    }
}
