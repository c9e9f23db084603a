package org.opencps.identity;

import org.opencps.platform.ids.UserId;

public record LoginSucceeded(UserId user, String sourceIp) {
}
