package org.opencps.reporting.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.devices.DeviceGroups;
import org.opencps.devices.DeviceNames;
import org.opencps.identity.Groups;
import org.opencps.identity.Users;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.reporting.UsageReportRequest.Dimension;
import org.springframework.stereotype.Component;

/**
 * Names for a report's subjects, only those the reader may see through the owning modules' faces
 * (a person reading their own usage sees their own name); others stay ids.
 */
@Component
public class SubjectNames {

    private final Users users;
    private final Groups groups;
    private final DeviceNames devices;
    private final DeviceGroups deviceGroups;
    private final AccessPolicy policy;

    SubjectNames(Users users, Groups groups, DeviceNames devices, DeviceGroups deviceGroups, AccessPolicy policy) {
        this.users = users;
        this.groups = groups;
        this.devices = devices;
        this.deviceGroups = deviceGroups;
        this.policy = policy;
    }

    public Map<UUID, String> of(Actor actor, OrgId org, Dimension dimension, String organizationName) {
        Map<UUID, String> names = new HashMap<>();
        switch (dimension) {
            case ORGANIZATION -> names.put(org.value(), organizationName);
            case PERSON -> {
                names.putAll(users.displayNames(actor, org));
                if (org.equals(actor.orgId())) {
                    users.displayNameOf(org, actor.userId()).ifPresent(name -> names.put(actor.userId().value(), name));
                }
            }
            case GROUP -> {
                if (policy.can(actor, Permission.GROUPS_VIEW, org)) {
                    groups.list(actor, org).forEach(group -> names.put(group.id(), group.name()));
                }
            }
            case DEVICE -> names.putAll(devices.names(actor, org));
            case DEVICE_GROUP -> {
                if (policy.can(actor, Permission.DEVICES_VIEW, org)) {
                    deviceGroups.list(actor, org).forEach(group -> names.put(group.id(), group.name()));
                }
            }
        }
        return names;
    }
}
