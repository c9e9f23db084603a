package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** An activation code as listed: never the code itself, which is shown only when it is made. */
public record ActivationCode(OrgId orgId, UUID id, String note, UserId createdBy, Instant createdAt, Instant expiresAt,
                             Instant usedAt, DeviceId usedByDevice, Instant revokedAt) {

    public enum State { USABLE, USED, EXPIRED, REVOKED }

    public State stateAt(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.USABLE : State.EXPIRED;
    }
}
