package org.opencps.devices.internal.persistence;

import java.time.Instant;
import java.util.UUID;
import org.opencps.devices.Device;
import org.opencps.devices.DeviceKind;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/** A row of devices_device, without its credential. */
public record DeviceRow(OrgId orgId, DeviceId id, DeviceKind kind, DeviceId agentId, String name, String location,
                        UUID groupId, String model, String serialNumber, String hostName, String ipAddress, String uri,
                        Device.State state, Instant registeredAt, Instant unregisteredAt, int pinFailures,
                        Instant pinLockedUntil) {

    public boolean active() {
        return state == Device.State.ACTIVE;
    }

    public boolean isPrinter() {
        return kind == DeviceKind.PRINTER;
    }
}
