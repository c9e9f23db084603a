package org.opencps.platform.errors;

/** The caller knows the thing exists (its own organization, say) but may not do this to it: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
