package org.opencps.platform.errors;

/** The request is well formed but clashes with the current state (a duplicate name, a used link): 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
