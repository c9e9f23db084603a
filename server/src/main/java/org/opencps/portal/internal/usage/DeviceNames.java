package org.opencps.portal.internal.usage;

import java.util.Map;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.stereotype.Component;

/** Names of an organization's printers, for usage pages; empty until the devices module can tell them. */
@Component
class DeviceNames {

    Map<UUID, String> names(Actor actor, OrgId org) {
        return Map.of();
    }
}
