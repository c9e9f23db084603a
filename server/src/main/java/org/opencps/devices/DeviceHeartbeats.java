package org.opencps.devices;

import java.time.Clock;
import org.opencps.devices.internal.DeviceFields;
import org.opencps.devices.internal.persistence.DevicesOrgStore;
import org.opencps.devices.internal.persistence.HeartbeatStore;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Heartbeats: a device's status, page counters and security settings. The latest one is kept per
 * device (its time is the device's last-seen time); the answer holds the organization's security
 * baseline and the device's drift from it.
 */
@Service
public class DeviceHeartbeats {

    private final HeartbeatStore heartbeats;
    private final DevicesOrgStore orgRows;
    private final DeviceReleases releases;
    private final Clock clock;

    DeviceHeartbeats(HeartbeatStore heartbeats, DevicesOrgStore orgRows, DeviceReleases releases, Clock clock) {
        this.heartbeats = heartbeats;
        this.orgRows = orgRows;
        this.releases = releases;
        this.clock = clock;
    }

    /** {@code device}: the device the caller's credential acts as (see {@link DeviceRegistrations#actAs}). */
    @Transactional
    public HeartbeatAnswer record(DevicePrincipal device, Heartbeat heartbeat) {
        if (heartbeat.status() == null) {
            throw new InvalidInputException("status", "status is IDLE, PRINTING, WARNING or ERROR");
        }
        var counters = heartbeat.counters() == null ? DeviceStatus.Counters.NONE : heartbeat.counters();
        requireNotNegative("counters.totalPages", counters.totalPages());
        requireNotNegative("counters.colorPages", counters.colorPages());
        requireNotNegative("counters.monochromePages", counters.monochromePages());
        var security = heartbeat.security() == null ? SecuritySettings.NOTHING : heartbeat.security();
        var status = new DeviceStatus(heartbeat.status(), DeviceFields.optionalText("statusMessage", heartbeat.statusMessage(), 500),
                counters, security, clock.instant());
        heartbeats.save(device.orgId(), device.deviceId(), status);
        SecuritySettings baseline = orgRows.baseline(device.orgId());
        return new HeartbeatAnswer(baseline, baseline.driftOf(security), releases.waitingCount(device));
    }

    private static void requireNotNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidInputException(field, "a page counter is not negative");
        }
    }
}
