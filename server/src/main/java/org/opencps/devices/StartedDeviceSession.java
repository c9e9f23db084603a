package org.opencps.devices;

/** A new session at a device: its token (shown this once), who logged in, and the idle timeout that applies. */
public record StartedDeviceSession(String session, String displayName, long idleTimeoutSeconds) {
}
