package org.opencps.devices;

import org.opencps.platform.ids.DeviceId;

/** A printer a person may release their jobs to: nothing more of devices than this. */
public record ReleasePrinter(DeviceId id, String name, String location) {
}
