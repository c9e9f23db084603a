package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

public record ActivationCodeCreated(OrgId org, UUID code, UserId by, Instant expiresAt) {
}
