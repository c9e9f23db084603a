package org.opencps.devices;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Names of an organization's printers for usage pages: all its devices for who may see them, the
 * printers one may release to for a person's own usage, otherwise none (ids are shown shortened).
 */
@Service
public class DeviceNames {

    private final Devices devices;
    private final DeviceReleases releases;
    private final AccessPolicy policy;

    DeviceNames(Devices devices, DeviceReleases releases, AccessPolicy policy) {
        this.devices = devices;
        this.releases = releases;
        this.policy = policy;
    }

    public Map<UUID, String> names(Actor actor, OrgId org) {
        Map<UUID, String> names = new HashMap<>();
        if (policy.can(actor, Permission.DEVICES_VIEW, org)) {
            devices.list(actor, org).forEach(device -> names.put(device.id().value(), device.name()));
        } else if (org.equals(actor.orgId()) && policy.can(actor, Permission.JOBS_OWN, org)) {
            releases.releasePrinters(actor).forEach(printer -> names.put(printer.id().value(), printer.name()));
        }
        return names;
    }
}
