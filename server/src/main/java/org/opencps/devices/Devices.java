package org.opencps.devices;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.devices.internal.DeviceFields;
import org.opencps.devices.internal.DeviceViews;
import org.opencps.devices.internal.persistence.DeviceGroupStore;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.devices.internal.persistence.DeviceSessionStore;
import org.opencps.devices.internal.persistence.DevicesOrgStore;
import org.opencps.devices.internal.persistence.HeartbeatStore;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's devices as its admins (and the provider directly above it) manage them:
 * list, detail with status and security drift, name, location and group, unregister (revoke the
 * credential), remove, and the security baseline. People without device permissions see none.
 */
@Service
public class Devices {

    private final AccessPolicy policy;
    private final DeviceViews views;
    private final DeviceStore devices;
    private final DeviceGroupStore groups;
    private final HeartbeatStore heartbeats;
    private final DeviceSessionStore sessions;
    private final DevicesOrgStore orgRows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Devices(AccessPolicy policy, DeviceViews views, DeviceStore devices, DeviceGroupStore groups, HeartbeatStore heartbeats,
            DeviceSessionStore sessions, DevicesOrgStore orgRows, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.views = views;
        this.devices = devices;
        this.groups = groups;
        this.heartbeats = heartbeats;
        this.sessions = sessions;
        this.orgRows = orgRows;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Spans organizations: how many active printers (what a license's device limit counts) each of
     * the given organizations has, for reporting's license report only, which decides access first
     * and shows deeper levels only as sums.
     */
    public Map<OrgId, Long> activePrinterCountsOf(Set<OrgId> orgs) {
        return devices.countActivePrinters(orgs);
    }

    /**
     * The device group a device of the organization is in (empty: none, or no such device), for
     * reporting, which attributes printed pages to it without a person asking and decides access
     * to its reports itself.
     */
    public java.util.Optional<java.util.UUID> groupOf(OrgId org, DeviceId device) {
        return devices.find(org, device).map(DeviceRow::groupId);
    }

    public List<Device> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.DEVICES_VIEW, org);
        return views.all(org);
    }

    public Device get(Actor actor, OrgId org, DeviceId id) {
        policy.require(actor, Permission.DEVICES_VIEW, org);
        return views.one(org, id);
    }

    /** Sets name, location (null: none) and group (null: none) together; see the PATCH route for partial changes. */
    @Transactional
    public Device update(Actor actor, OrgId org, DeviceId id, String name, String location, UUID groupId) {
        policy.require(actor, Permission.DEVICES_EDIT, org);
        Device before = views.one(org, id);
        if (groupId != null && groups.find(org, groupId).isEmpty()) {
            throw new InvalidInputException("groupId", "problem.deviceGroup.unknown", "no such device group in this organization");
        }
        devices.update(org, id, DeviceFields.name("name", name), DeviceFields.optionalText("location", location, 200), groupId);
        Device after = views.one(org, id);
        events.publishEvent(new DeviceUpdated(org, id, placementOf(before), placementOf(after), actor.userId(), clock.instant()));
        return after;
    }

    private static DeviceUpdated.Placement placementOf(Device device) {
        return new DeviceUpdated.Placement(device.name(), device.location(), device.groupId());
    }

    /**
     * Revokes the device's credential (and an agent's printers'); ends the sessions at it. The
     * device stays in the list, unregistered, until it is removed; it no longer counts against the license.
     */
    @Transactional
    public Device unregister(Actor actor, OrgId org, DeviceId id) {
        policy.require(actor, Permission.DEVICES_REGISTER, org);
        Device device = views.one(org, id);
        if (device.active()) {
            for (var printer : devices.printersOf(org, id)) {
                sessions.deleteAt(org, printer.id());
            }
            sessions.deleteAt(org, id);
            devices.unregister(org, id, clock.instant());
            events.publishEvent(new DeviceUnregistered(org, id, actor.userId(), clock.instant()));
        }
        return views.one(org, id);
    }

    /** Deletes the device (an agent with its printers), its status and the sessions at it. */
    @Transactional
    public void remove(Actor actor, OrgId org, DeviceId id) {
        policy.require(actor, Permission.DEVICES_REMOVE, org);
        views.one(org, id);
        for (DeviceId removed : devices.delete(org, id)) {
            heartbeats.delete(org, removed);
            sessions.deleteAt(org, removed);
        }
        events.publishEvent(new DeviceRemoved(org, id, actor.userId(), clock.instant()));
    }

    public SecuritySettings baseline(Actor actor, OrgId org) {
        policy.require(actor, Permission.DEVICES_VIEW, org);
        return orgRows.baseline(org);
    }

    /** The security settings every device of the organization should have on; a missing value is "not required". */
    @Transactional
    public SecuritySettings setBaseline(Actor actor, OrgId org, SecuritySettings baseline) {
        policy.require(actor, Permission.DEVICES_EDIT, org);
        SecuritySettings clean = (baseline == null ? SecuritySettings.NOTHING_REQUIRED : baseline).asBaseline();
        SecuritySettings before = orgRows.baseline(org);
        orgRows.saveBaseline(org, clean);
        if (!clean.equals(before)) {
            events.publishEvent(new DeviceBaselineChanged(org, actor.userId(), before, clean, clock.instant()));
        }
        return clean;
    }
}
