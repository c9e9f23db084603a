package org.opencps.devices;

import java.time.Duration;
import java.util.Optional;
import org.opencps.devices.internal.DevicesProperties;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ratelimit.LimitedAction;
import org.opencps.platform.ratelimit.RateLimiter;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.platform.security.Channel;
import org.opencps.tenancy.OrganizationNetworks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A device credential presented at an entry point (the Device API, IPP INFRA), with the guard
 * against guessing from one source address: every unknown or revoked credential from it is
 * counted, and once {@code credentialFailuresPerSourcePerMinute} (20) were counted (refilled at
 * that rate per minute) its wrong credentials are answered 429 instead of 401, unaudited but for
 * the first of the run. A valid credential always passes the guard: credentials are 256-bit random values, so
 * the guard is there to slow down and quiet a flood, and must not stop the printers that share an
 * address (a site behind NAT) with whoever sends it. It is accepted only from an
 * address its organization's IP allow-list accepts (the device's own address, as the server sees it).
 */
@Service
public class DeviceCredentials {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final LimitedAction WHAT = new LimitedAction("problem.tooMany.deviceCredential",
            "requests with a wrong device credential from your address");

    private final DeviceRegistrations registrations;
    private final OrganizationNetworks networks;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final int failuresPerMinute;

    DeviceCredentials(DeviceRegistrations registrations, OrganizationNetworks networks, RateLimiter rateLimiter,
                      ApplicationEventPublisher events, DevicesProperties properties) {
        this.registrations = registrations;
        this.networks = networks;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.failuresPerMinute = properties.credentialFailuresPerSourcePerMinute();
    }

    /**
     * The device holding {@code credential}, presented from {@code sourceIp}; empty (counted and
     * audited) when it is unknown or revoked.
     *
     * @throws TooManyRequestsException for an unknown or revoked credential from a source that has used up its failures
     * @throws AddressNotAllowedException (audited) for a device whose organization does not accept {@code sourceIp}
     */
    public Optional<DevicePrincipal> authenticate(String credential, String sourceIp) {
        Optional<DevicePrincipal> device = registrations.authenticate(credential);
        if (device.isPresent()) {
            networks.requireAllowed(device.get().orgId(), sourceIp, Channel.DEVICE, null);
            return device;
        }
        try {
            rateLimiter.requireAvailable(key(sourceIp), WHAT);
        } catch (TooManyRequestsException e) {
            if (e.firstRefusal()) {
                events.publishEvent(new DeviceCredentialsThrottled(sourceIp));
            }
            throw e;
        }
        rateLimiter.charge(key(sourceIp), failuresPerMinute, MINUTE);
        refused(sourceIp, "unknown or revoked device credential");
        return device;
    }

    /** A valid credential was refused for what it asked (a printer it does not stand for): audited, not counted. */
    public void refused(String sourceIp, String reason) {
        events.publishEvent(new DeviceCredentialRefused(sourceIp, reason));
    }

    private static String key(String sourceIp) {
        return "device-credential-failures:" + sourceIp;
    }
}
