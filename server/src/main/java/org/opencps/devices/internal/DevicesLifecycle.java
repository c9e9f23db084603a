package org.opencps.devices.internal;

import java.util.Map;
import java.util.Set;
import org.opencps.devices.internal.persistence.ActivationCodeStore;
import org.opencps.devices.internal.persistence.DeviceGroupStore;
import org.opencps.devices.internal.persistence.DeviceSessionStore;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.devices.internal.persistence.DevicesOrgStore;
import org.opencps.devices.internal.persistence.HeartbeatStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.LicenseUsageSource;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** The devices module's part in the organization's life: its license figure, and the purge of all its rows. */
@Component
class DevicesLifecycle implements OrganizationPurgeParticipant {

    private final DeviceStore devices;
    private final ActivationCodeStore codes;
    private final DeviceGroupStore groups;
    private final HeartbeatStore heartbeats;
    private final DeviceSessionStore sessions;
    private final DevicesOrgStore orgRows;

    DevicesLifecycle(DeviceStore devices, ActivationCodeStore codes, DeviceGroupStore groups, HeartbeatStore heartbeats,
                     DeviceSessionStore sessions, DevicesOrgStore orgRows) {
        this.devices = devices;
        this.codes = codes;
        this.groups = groups;
        this.heartbeats = heartbeats;
        this.sessions = sessions;
        this.orgRows = orgRows;
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        sessions.purge(org);
        heartbeats.purge(org);
        devices.purge(org);
        groups.purge(org);
        codes.purge(org);
        orgRows.purge(org);
    }

    /** The "devicesUsed" figure of the license reports: active printers, what the device limit counts. */
    @Component
    static class DevicesUsed implements LicenseUsageSource {

        private final DeviceStore devices;

        DevicesUsed(DeviceStore devices) {
            this.devices = devices;
        }

        @Override
        public Map<OrgId, Long> count(Set<OrgId> customers) {
            return devices.countActivePrinters(customers);
        }

        @Override
        public String figure() {
            return DEVICES_USED;
        }
    }
}
