package org.opencps.devices;

/** A request came with a device credential that is unknown or revoked, or does not stand for what it asked for. */
public record DeviceCredentialRefused(String sourceIp, String reason) {
}
