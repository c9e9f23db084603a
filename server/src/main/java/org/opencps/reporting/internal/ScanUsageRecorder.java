package org.opencps.reporting.internal;

import org.opencps.devices.Devices;
import org.opencps.identity.Group;
import org.opencps.identity.Groups;
import org.opencps.reporting.internal.persistence.RollupLock;
import org.opencps.reporting.internal.persistence.ScanUsageStore;
import org.opencps.scanning.ScanReceived;
import org.opencps.tenancy.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records each scan received once scanning's transaction has committed, and adds its pages to the
 * roll-ups' scanned pages (its organization, person, device, the person's groups and the device's
 * group, on its day in the organization's time zone). The scan's id keeps a redelivered event from
 * counting twice; a failure leaves the event to be delivered again. Like the recording of jobs, it
 * takes turns with a rebuild of the organization's roll-ups ({@link RollupLock}).
 */
@Component
class ScanUsageRecorder {

    private final ScanUsageStore scans;
    private final Rollups rollups;
    private final Groups groups;
    private final Devices devices;
    private final Organizations organizations;
    private final RollupLock lock;

    ScanUsageRecorder(ScanUsageStore scans, Rollups rollups, Groups groups, Devices devices, Organizations organizations,
                      RollupLock lock) {
        this.lock = lock;
        this.scans = scans;
        this.rollups = rollups;
        this.groups = groups;
        this.devices = devices;
        this.organizations = organizations;
    }

    @ApplicationModuleListener
    void on(ScanReceived e) {
        lock.lock(e.org());
        var scanned = new ScanUsageStore.Scanned(e.org(), e.scan(), e.owner().value(), e.device().value(),
                devices.groupOf(e.org(), e.device()).orElse(null), e.at(), e.pages(),
                groups.groupsOf(e.org(), e.owner()).stream().map(Group::id).toList());
        if (scans.insertIfAbsent(scanned)) {
            rollups.add(scanned, organizations.timeZone(e.org()));
        }
    }
}
