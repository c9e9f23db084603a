package org.opencps.devices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/**
 * A registered device as its organization's admins see it. {@code agentId} is set for a printer an
 * edge agent stands in for (then {@code uri} is how the agent reaches it). {@code status} is null
 * until the first heartbeat; {@code drift} names the baseline's required security settings the
 * device does not report as on.
 */
public record Device(OrgId orgId, DeviceId id, DeviceKind kind, DeviceId agentId, String name, String location,
                     UUID groupId, String model, String serialNumber, String hostName, String ipAddress, String uri,
                     State state, Instant registeredAt, Instant unregisteredAt, Instant lastSeenAt,
                     DeviceStatus status, List<String> drift) {

    /** UNREGISTERED: its credential was revoked; it is kept in the list until it is removed. */
    public enum State { ACTIVE, UNREGISTERED }

    public boolean active() {
        return state == State.ACTIVE;
    }
}
