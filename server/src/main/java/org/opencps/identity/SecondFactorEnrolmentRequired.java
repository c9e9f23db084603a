package org.opencps.identity;

import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.ProblemText;

/**
 * An organization of the person requires a second factor and its grace period is over, and this session never
 * proved one: 403 until they set up an authenticator app (or sign in again, which asks them to).
 */
public class SecondFactorEnrolmentRequired extends ForbiddenException implements ProblemText {

    public SecondFactorEnrolmentRequired() {
        super("your organization requires a second factor: set up an authenticator app first (or sign in again, which asks you to)");
    }

    @Override
    public String messageKey() {
        return "problem.secondFactor.enrolmentRequired";
    }

    @Override
    public Object[] messageArguments() {
        return new Object[0];
    }
}
