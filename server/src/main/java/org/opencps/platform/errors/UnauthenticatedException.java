package org.opencps.platform.errors;

/** The credentials were missing or wrong: 401. The message never says which part was wrong. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
