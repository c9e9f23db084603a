package org.opencps.identity;

import org.opencps.platform.ids.UserId;

/**
 * The second step of a sign-in succeeded: the person's code was right, or ({@code enrolled}) they set up the
 * authenticator app their organization requires in this step. The login session starts now.
 */
public record LoginSecondFactorSucceeded(UserId user, String sourceIp, boolean enrolled) {
}
