package org.opencps.devices;

/** A source went over the limit of refused device credentials; published once per run of refusals. */
public record DeviceCredentialsThrottled(String sourceIp) {
}
