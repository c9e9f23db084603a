package org.opencps.devices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.devices.DeviceLoginLocked;
import org.opencps.devices.DeviceLoginsThrottled;
import org.opencps.devices.DeviceLoginLockedException;
import org.opencps.devices.DevicePrincipal;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ratelimit.LimitedAction;
import org.opencps.platform.ratelimit.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps PINs and cards from being guessed. At one device, {@code lockout-threshold} (3) failures
 * in a row lock PIN and card logins there for {@code lockout-duration} (30 minutes): 423. Across
 * the organization, {@code orgLoginFailuresPerHour} (20) failures use up its budget, refilled at
 * that rate per hour; until then every PIN and card login in it is a 429, and the first refusal of
 * a run alerts the organization's admins. At a device each attempt is counted before it is
 * checked (see {@link #reserve}), so guesses sent at once cannot pass its limit. The organization's
 * budget is checked first and charged by failures only, so any number of people may log in at
 * once; guesses sent at once at several devices may pass the check together, but each is charged,
 * into debt, so over time no more than the budget get through.
 */
@Component
public class PinLoginGuard {

    private static final LimitedAction WHAT = new LimitedAction("problem.tooMany.pinLogins",
            "failed PIN and card logins in this organization");

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
     * Before checking a PIN or card: 423 if the device is locked or has had its failures in a row,
     * 429 if the organization's failure budget is used up. The attempt is counted at the device in
     * advance (a right one is uncounted afterwards), so attempts sent at once cannot all pass a
     * check made before any of them was counted.
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
            rateLimiter.requireAvailable(orgKey(device), WHAT);
        } catch (TooManyRequestsException e) {
            throttled(device, e);
            throw e;
        }
        if (!devices.reservePinAttempt(device.orgId(), device.deviceId(), threshold)) {
            throw new DeviceLoginLockedException(lock(device));
        }
    }

    /**
     * The PIN or card was wrong: it stays counted at the device, and is charged to the organization
     * even past its budget (failures sent at once are all paid for before the next is let through);
     * the failure that completes a run locks the device (423).
     */
    public void failed(DevicePrincipal device) {
        rateLimiter.charge(orgKey(device), orgFailuresPerHour, Duration.ofHours(1));
        if (devices.pinFailures(device.orgId(), device.deviceId()) >= threshold) {
            throw new DeviceLoginLockedException(lock(device));
        }
    }

    /** The PIN or card was right: the device's run of failures ends. */
    public void succeeded(DevicePrincipal device) {
        devices.clearPinFailures(device.orgId(), device.deviceId());
    }

    private void throttled(DevicePrincipal device, TooManyRequestsException e) {
        if (e.firstRefusal()) {
            events.publishEvent(new DeviceLoginsThrottled(device.orgId(), device.deviceId()));
        }
    }

    private Instant lock(DevicePrincipal device) {
        Instant until = clock.instant().plus(lockout);
        devices.lockPinLogins(device.orgId(), device.deviceId(), until);
        events.publishEvent(new DeviceLoginLocked(device.orgId(), device.deviceId(), until));
        return until;
    }

    private static String orgKey(DevicePrincipal device) {
        return "device-pin-failures:" + device.orgId();
    }
}
