package org.opencps.identity;

import org.opencps.platform.errors.ProblemText;
import org.opencps.platform.errors.UnauthenticatedException;

/** A second-factor code was refused (wrong, used, or the account is locked): 401, said in the reader's language in the portal. */
public class SecondFactorRefused extends UnauthenticatedException implements ProblemText {

    private final String messageKey;
    private final Object[] messageArguments;

    SecondFactorRefused(String key, String englishText, Object... arguments) {
        super(englishText);
        this.messageKey = key;
        this.messageArguments = arguments.clone();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] messageArguments() {
        return messageArguments.clone();
    }
}
