package org.opencps.devices;

import java.time.Duration;
import java.util.Optional;
import org.opencps.devices.DeviceEvents.DeviceCredentialRefused;
import org.opencps.devices.DeviceEvents.DeviceCredentialsThrottled;
import org.opencps.devices.internal.DevicesProperties;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ratelimit.RateLimiter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A device credential presented at an entry point (the Device API, IPP INFRA), with the guard
 * against guessing: every refusal from a source address counts, and once a source has had
 * {@code credentialFailuresPerSourcePerMinute} (20) of them, refilled at that rate per minute,
 * every attempt from it is a 429, right or wrong, until the next refill. Successes are not
 * counted, and checking the limit touches no database. The first refusal of a run is audited.
 * <p>
 * A failure is counted after the check, not reserved before it, so that a burst of good requests
 * from one address (an agent, a site behind NAT) is never refused; attempts sent at once can then
 * pass the check together, so a burst may overshoot the limit by as many as are in flight.
 */
@Service
public class DeviceCredentials {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String WHAT = "requests with a wrong device credential from your address";

    private final DeviceRegistrations registrations;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final int failuresPerMinute;

    DeviceCredentials(DeviceRegistrations registrations, RateLimiter rateLimiter, ApplicationEventPublisher events,
                      DevicesProperties properties) {
        this.registrations = registrations;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.failuresPerMinute = properties.credentialFailuresPerSourcePerMinute();
    }

    /**
     * The device holding {@code credential}, presented from {@code sourceIp}; empty (counted and
     * audited) when it is unknown or revoked.
     *
     * @throws TooManyRequestsException when the source has used up its failures, before the credential is looked at
     */
    public Optional<DevicePrincipal> authenticate(String credential, String sourceIp) {
        try {
            rateLimiter.requireAvailable(key(sourceIp), failuresPerMinute, MINUTE, WHAT);
        } catch (TooManyRequestsException e) {
            throttled(e, sourceIp);
            throw e;
        }
        Optional<DevicePrincipal> device = registrations.authenticate(credential);
        if (device.isEmpty()) {
            refuse(sourceIp, "unknown or revoked device credential");
        }
        return device;
    }

    /** A valid credential was refused for what it asked (a printer it does not stand for): counted and audited as a failure. */
    public void refuse(String sourceIp, String reason) {
        try {
            rateLimiter.acquire(key(sourceIp), failuresPerMinute, MINUTE, WHAT);
        } catch (TooManyRequestsException budgetUsedUp) {
            // attempts sent at once passed the check together; this one is refused all the same
            throttled(budgetUsedUp, sourceIp);
        }
        events.publishEvent(new DeviceCredentialRefused(sourceIp, reason));
    }

    private void throttled(TooManyRequestsException e, String sourceIp) {
        if (e.firstRefusal()) {
            events.publishEvent(new DeviceCredentialsThrottled(sourceIp));
        }
    }

    private static String key(String sourceIp) {
        return "device-credential-failures:" + sourceIp;
    }
}
