package org.opencps.devices.internal;

import java.util.List;
import java.util.Map;
import org.opencps.devices.Device;
import org.opencps.devices.DeviceStatus;
import org.opencps.devices.SecuritySettings;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.devices.internal.persistence.DevicesOrgStore;
import org.opencps.devices.internal.persistence.HeartbeatStore;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.springframework.stereotype.Component;

/** Devices as admins see them: the row, the latest heartbeat and the drift from the organization's baseline. */
@Component
public class DeviceViews {

    private final DeviceStore devices;
    private final HeartbeatStore heartbeats;
    private final DevicesOrgStore orgRows;

    DeviceViews(DeviceStore devices, HeartbeatStore heartbeats, DevicesOrgStore orgRows) {
        this.devices = devices;
        this.heartbeats = heartbeats;
        this.orgRows = orgRows;
    }

    public List<Device> all(OrgId org) {
        SecuritySettings baseline = orgRows.baseline(org);
        Map<DeviceId, DeviceStatus> statuses = heartbeats.all(org);
        return devices.list(org).stream().map(row -> view(row, statuses.get(row.id()), baseline)).toList();
    }

    public Device one(OrgId org, DeviceId id) {
        DeviceRow row = devices.find(org, id).orElseThrow(() -> new NotFoundException("device"));
        return view(row, heartbeats.find(org, id).orElse(null), orgRows.baseline(org));
    }

    private static Device view(DeviceRow row, DeviceStatus status, SecuritySettings baseline) {
        return new Device(row.orgId(), row.id(), row.kind(), row.agentId(), row.name(), row.location(), row.groupId(),
                row.model(), row.serialNumber(), row.hostName(), row.ipAddress(), row.uri(), row.state(),
                row.registeredAt(), row.unregisteredAt(), status == null ? null : status.reportedAt(), status,
                baseline.driftOf(status == null ? null : status.security()));
    }
}
