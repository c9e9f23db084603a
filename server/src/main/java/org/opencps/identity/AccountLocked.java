package org.opencps.identity;

import java.time.Instant;
import org.opencps.platform.ids.UserId;

public record AccountLocked(UserId user, Instant until, String sourceIp) {
}
