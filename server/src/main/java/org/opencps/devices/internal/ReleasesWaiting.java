package org.opencps.devices.internal;

import org.opencps.devices.DevicePrincipal;
import org.springframework.stereotype.Component;

/** How many released jobs wait for a device to fetch them. */
@Component
public class ReleasesWaiting {

    public int count(DevicePrincipal device) {
        return 0;
    }
}
