package org.opencps.platform.errors;

/** The thing does not exist, or the caller may not know that it exists: both answer 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
