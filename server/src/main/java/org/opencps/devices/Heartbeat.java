package org.opencps.devices;

/** What a device reports in a heartbeat; {@code counters} and {@code security} may leave out what it does not know. */
public record Heartbeat(DeviceStatus.Status status, String statusMessage, DeviceStatus.Counters counters,
                        SecuritySettings security) {
}
