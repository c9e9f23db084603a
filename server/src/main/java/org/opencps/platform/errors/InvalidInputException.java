package org.opencps.platform.errors;

/** A field of the request breaks a rule (password policy, a range, a format): 422, naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
