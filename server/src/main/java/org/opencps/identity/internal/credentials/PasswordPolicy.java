package org.opencps.identity.internal.credentials;

import org.opencps.platform.errors.InvalidInputException;
import org.springframework.stereotype.Component;

/** TEMPORARY until the full policy lands from the creds branch (same API). */
@Component
public class PasswordPolicy {

    public void check(String field, String password) {
        if (password == null || password.length() < 8 || password.length() > 64) {
            throw new InvalidInputException(field, "must have 8 to 64 characters");
        }
    }
}
