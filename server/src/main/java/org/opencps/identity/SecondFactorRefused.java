package org.opencps.identity;

import org.opencps.platform.errors.UnauthenticatedException;

/** A second-factor code or passkey was refused (wrong, used, or the account is locked): 401, said in the reader's language in the portal. */
public class SecondFactorRefused extends UnauthenticatedException {

    SecondFactorRefused(String key, String englishText, Object... arguments) {
        super(key, englishText, arguments);
    }
}
