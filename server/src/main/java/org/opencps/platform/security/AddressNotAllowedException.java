package org.opencps.platform.security;

import org.opencps.platform.errors.ForbiddenException;

/** The organization does not accept requests from the client's address (its IP allow-list): 403. */
public class AddressNotAllowedException extends ForbiddenException {

    public AddressNotAllowedException(String message) {
        super(message);
    }
}
