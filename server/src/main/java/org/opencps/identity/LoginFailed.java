package org.opencps.identity;

import org.opencps.platform.ids.UserId;

/** {@code user} is null when no account has that e-mail address. */
public record LoginFailed(UserId user, String email, String sourceIp, String reason) {
}
