package org.opencps.devices;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.devices.internal.persistence.DeviceGroupStore;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.platform.text.Names;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Named groups of an organization's devices. Deleting a group leaves its devices ungrouped. */
@Service
public class DeviceGroups {

    public static final int MAX_GROUPS = 500;

    private final AccessPolicy policy;
    private final DeviceGroupStore groups;
    private final DeviceStore devices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeviceGroups(AccessPolicy policy, DeviceGroupStore groups, DeviceStore devices, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.events = events;
        this.groups = groups;
        this.devices = devices;
        this.clock = clock;
    }

    public List<DeviceGroup> list(Actor actor, OrgId org) {
        policy.require(actor, Permission.DEVICES_VIEW, org);
        return groups.list(org);
    }

    @Transactional
    public DeviceGroup create(Actor actor, OrgId org, String name) {
        policy.require(actor, Permission.DEVICE_GROUPS_MANAGE, org);
        String clean = freeName(org, name, null);
        if (groups.list(org).size() >= MAX_GROUPS) {
            throw new ConflictException("name", "problem.deviceGroup.tooMany", "an organization has at most " + MAX_GROUPS + " device groups", MAX_GROUPS);
        }
        var group = new DeviceGroup(org, UUID.randomUUID(), clean, clock.instant());
        try {
            groups.insert(group);
        } catch (DuplicateKeyException e) {
            throw taken(clean);
        }
        events.publishEvent(new DeviceGroupChanged(org, group.id(), null, clean, actor.userId(), clock.instant()));
        return group;
    }

    @Transactional
    public DeviceGroup rename(Actor actor, OrgId org, UUID id, String name) {
        policy.require(actor, Permission.DEVICE_GROUPS_MANAGE, org);
        DeviceGroup before = groups.find(org, id).orElseThrow(() -> new NotFoundException("device group"));
        String clean = freeName(org, name, id);
        try {
            groups.rename(org, id, clean);
        } catch (DuplicateKeyException e) {
            throw taken(clean);
        }
        events.publishEvent(new DeviceGroupChanged(org, id, before.name(), clean, actor.userId(), clock.instant()));
        return groups.find(org, id).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, OrgId org, UUID id) {
        policy.require(actor, Permission.DEVICE_GROUPS_MANAGE, org);
        DeviceGroup deleted = groups.find(org, id).orElseThrow(() -> new NotFoundException("device group"));
        devices.ungroup(org, id);
        if (!groups.delete(org, id)) {
            throw new NotFoundException("device group");
        }
        events.publishEvent(new DeviceGroupChanged(org, id, deleted.name(), null, actor.userId(), clock.instant()));
    }

    private String freeName(OrgId org, String name, UUID except) {
        String clean = Names.require("name", name, 100, "a device group name");
        if (groups.nameTaken(org, clean, except)) {
            throw taken(clean);
        }
        return clean;
    }

    private static ConflictException taken(String name) {
        return new ConflictException("name", "problem.deviceGroup.taken", "a device group named '" + name + "' already exists", name);
    }
}
