package org.opencps.identity.internal.google;

/** Google refused or could not be reached; the message says which call and what came back, never a token. */
public class GoogleCallFailed extends RuntimeException {

    public GoogleCallFailed(String message) {
        super(message);
    }
}
