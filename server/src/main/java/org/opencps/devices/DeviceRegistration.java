package org.opencps.devices;

/** What a device or agent sends to register with an activation code. */
public record DeviceRegistration(String activationCode, DeviceKind kind, String name, String model, String serialNumber,
                                 String hostName, String ipAddress) {
}
