package org.opencps.identity;

import org.opencps.platform.ids.UserId;

/** Someone logged in with e-mail address and password (portal, API, IPP or a printer). */
public record LoginSucceeded(UserId user, String sourceIp) {
}
