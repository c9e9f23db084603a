package org.opencps.devices.internal;

import org.opencps.devices.internal.persistence.ActivationCodeStore;
import org.opencps.devices.internal.persistence.DeviceGroupStore;
import org.opencps.devices.internal.persistence.DeviceSessionStore;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.devices.internal.persistence.DevicesOrgStore;
import org.opencps.devices.internal.persistence.HeartbeatStore;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.stereotype.Component;

/** The devices module's part in the organization's life: the purge of all its rows. */
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
}
