package org.opencps.devices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.devices.DeviceEvents.DeviceLoginLocked;
import org.opencps.devices.DeviceEvents.DeviceLoginsThrottled;
import org.opencps.devices.DeviceLoginLockedException;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ratelimit.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps PINs and cards from being guessed. At one device, {@code lockout-threshold} (3) failures
 * in a row lock PIN and card logins there for {@code lockout-duration} (30 minutes): 423. Across
 * the organization, {@code orgLoginFailuresPerHour} (20) failures use up its budget, refilled at
 * that rate per hour; until then every PIN and card login in it is a 429, and the first refusal of
 * a run alerts the organization's admins. Each attempt is counted before it is checked (see
 * {@link #reserve}), and a failure is never rolled back.
 */
@Component
public class PinLoginGuard {

    private final DeviceStore devices;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int threshold;
    private final Duration lockout;
    private final int orgFailuresPerHour;

    PinLoginGuard(DeviceStore devices, RateLimiter rateLimiter, ApplicationEventPublisher events, Clock clock,
                  OpenCpsProperties platform, DevicesProperties properties) {
        this.devices = devices;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
        this.threshold = platform.security().lockoutThreshold();
        this.lockout = platform.security().lockoutDuration();
        this.orgFailuresPerHour = properties.orgLoginFailuresPerHour();
    }

    /**
     * Before checking a PIN or card, counts it as a failure in advance (a right one is uncounted
     * afterwards): 423 if the device is locked or has had its failures in a row, 429 if the
     * organization's failure budget is used up. Reserving first means attempts sent at once cannot
     * all pass a check made before any of them was counted.
     */
    public void reserve(DevicePrincipal device, DeviceRow row) {
        Instant until = row.pinLockedUntil();
        if (until != null) {
            if (clock.instant().isBefore(until)) {
                throw new DeviceLoginLockedException(until);
            }
            devices.clearPinFailures(device.orgId(), device.deviceId());
        }
        try {
            rateLimiter.acquire(orgKey(device), orgFailuresPerHour, Duration.ofHours(1),
                    "failed PIN and card logins in this organization");
        } catch (TooManyRequestsException e) {
            if (e.firstRefusal()) {
                events.publishEvent(new DeviceLoginsThrottled(device.orgId(), device.deviceId()));
            }
            throw e;
        }
        if (!devices.reservePinAttempt(device.orgId(), device.deviceId(), threshold)) {
            giveBack(device);
            throw new DeviceLoginLockedException(lock(device));
        }
    }

    /** The PIN or card was wrong: it stays counted; the failure that completes a run locks the device (423). */
    public void failed(DevicePrincipal device) {
        if (devices.pinFailures(device.orgId(), device.deviceId()) >= threshold) {
            throw new DeviceLoginLockedException(lock(device));
        }
    }

    /** The PIN or card was right: the run of failures ends and the attempt is not counted. */
    public void succeeded(DevicePrincipal device) {
        devices.clearPinFailures(device.orgId(), device.deviceId());
        giveBack(device);
    }

    private Instant lock(DevicePrincipal device) {
        Instant until = clock.instant().plus(lockout);
        devices.lockPinLogins(device.orgId(), device.deviceId(), until);
        events.publishEvent(new DeviceLoginLocked(device.orgId(), device.deviceId(), until));
        return until;
    }

    private void giveBack(DevicePrincipal device) {
        rateLimiter.giveBack(orgKey(device), orgFailuresPerHour, Duration.ofHours(1));
    }

    private static String orgKey(DevicePrincipal device) {
        return "device-pin-failures:" + device.orgId();
    }
}
