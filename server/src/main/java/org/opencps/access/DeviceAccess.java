package org.opencps.access;

import java.util.Objects;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;

/**
 * The rules of devices and the jobs released to them (PRODUCT.md §4), for {@link AccessPolicy}.
 * A device credential learns nothing of other devices or their jobs: every refusal is a 404.
 */
final class DeviceAccess {

    private DeviceAccess() {
    }

    /** A device acts as itself, and an edge agent also for the active printers it stands in for. */
    static void requireActsFor(DeviceFacts caller, DeviceId target, DeviceFacts targetDevice) {
        if (caller == null || target == null) {
            throw new NotFoundException("device");
        }
        if (caller.id().equals(target)) {
            return;
        }
        boolean standsInFor = caller.agent() && targetDevice != null && target.equals(targetDevice.id())
                && caller.org().equals(targetDevice.org()) && caller.id().equals(targetDevice.agentId()) && targetDevice.active();
        if (!standsInFor) {
            throw new NotFoundException("device");
        }
    }

    /** A device fetches, and reports on, only the jobs released to it; any other job is unknown to it. */
    static void requireReleasedTo(OrgId org, DeviceId device, JobFacts job) {
        if (org == null || device == null || job == null || !org.equals(job.org())
                || !Objects.equals(device, job.releasedTo())) {
            throw new NotFoundException("job");
        }
    }
}
