package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;

/**
 * A person's live session at a device; the person acts as themselves in the device's organization.
 * {@code startedAt} is when they logged in.
 */
public record DeviceSession(OrgId orgId, UUID id, DeviceId deviceId, UserId userId, Instant startedAt) {

    public Actor actor() {
        return new Actor(userId, orgId);
    }
}
