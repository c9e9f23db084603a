package org.opencps.identity;

import org.opencps.platform.errors.ForbiddenException;

/**
 * A sensitive action by a person who has a second factor, without a check of it in this login session in the last
 * 10 minutes (step-up): 403, and the portal sends the person to the check first.
 */
public class SecondFactorCheckRequired extends ForbiddenException {

    public SecondFactorCheckRequired() {
        super("this needs a recent check of your second factor: confirm a code from your authenticator app first "
                + "(POST /api/v1/auth/step-up in a login session; an API token cannot do this for a person with a second factor)");
    }
}
