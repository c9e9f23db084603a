package org.opencps.devices;

import java.time.Instant;

/** PIN and card logins at a device are locked after consecutive failures: 423 saying until when. */
public class DeviceLoginLockedException extends RuntimeException {

    private final Instant lockedUntil;

    public DeviceLoginLockedException(Instant lockedUntil) {
        super("PIN and card logins at this device are locked after too many failed attempts, until " + lockedUntil
                + "; log in with user name and password, or try again then");
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
