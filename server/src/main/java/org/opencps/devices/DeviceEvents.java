package org.opencps.devices;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * What the devices module tells others about (the audit trail listens). The refusals (a bad code,
 * an unknown credential, a failed login, misuse) are published by requests that then fail, so
 * their listeners must run after the request's transaction, whatever its outcome.
 */
public final class DeviceEvents {

    private DeviceEvents() {
    }

    public record ActivationCodeCreated(OrgId org, UUID code, UserId by, Instant expiresAt) {
    }

    public record ActivationCodeRevoked(OrgId org, UUID code, UserId by) {
    }

    /** {@code org} and {@code code} are null when no code matched. */
    public record ActivationCodeRefused(OrgId org, UUID code, String reason, String sourceIp) {
    }

    /** {@code code} is null for a printer an agent added; then {@code agent} is set. */
    public record DeviceRegistered(OrgId org, DeviceId device, DeviceKind kind, UUID code, DeviceId agent, String sourceIp) {
    }

    public record DeviceUnregistered(OrgId org, DeviceId device, UserId by) {
    }

    public record DeviceRemoved(OrgId org, DeviceId device, UserId by) {
    }

    public record DeviceCredentialRotated(OrgId org, DeviceId device, String sourceIp) {
    }

    /** A request came with a device credential that is unknown or revoked, or does not stand for what it asked for. */
    public record DeviceCredentialRefused(String sourceIp, String reason) {
    }

    /** A source went over the limit of refused device credentials; published once per run of refusals. */
    public record DeviceCredentialsThrottled(String sourceIp) {
    }

    public record DeviceLoginSucceeded(OrgId org, DeviceId device, UserId user, String method) {
    }

    /** {@code user} is null when no person matched (a wrong PIN or card). */
    public record DeviceLoginFailed(OrgId org, DeviceId device, UserId user, String method, String reason) {
    }

    /** A person logged in at {@code device} added an ID card to their own account there. */
    public record CardAddedAtDevice(OrgId org, DeviceId device, UserId user, UUID card, Instant at) {
    }

    /** Consecutive PIN/card failures locked those logins at the device until {@code until}. */
    public record DeviceLoginLocked(OrgId org, DeviceId device, Instant until) {
    }

    /** Failed PIN/card logins in the organization went over the hourly limit; published once per run of refusals. */
    public record DeviceLoginsThrottled(OrgId org, DeviceId device) {
    }

    /**
     * Something a device or a person should never do: use a person's session from another device,
     * name a job of another person or organization, or one not released to the device. Refused;
     * nothing changed. {@code person} is null when no person was involved.
     */
    public record DeviceMisuse(OrgId org, DeviceId device, UserId person, String what, String sourceIp) {
    }
}
