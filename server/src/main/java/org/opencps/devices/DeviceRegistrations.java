package org.opencps.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencps.access.AccessPolicy;
import org.opencps.access.DeviceFacts;
import org.opencps.devices.internal.DeviceFields;
import org.opencps.devices.internal.DevicesProperties;
import org.opencps.devices.internal.persistence.ActivationCodeStore;
import org.opencps.devices.internal.persistence.DeviceRow;
import org.opencps.devices.internal.persistence.DeviceStore;
import org.opencps.devices.internal.persistence.DevicesOrgStore;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ratelimit.LimitedAction;
import org.opencps.platform.ratelimit.RateLimiter;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Channel;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.OrganizationNetworks;
import org.opencps.tenancy.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How devices come to be and prove who they are: registration with an activation code (a printer
 * or an edge agent), printers an agent adds, the device credential ({@code ocpsd_} and 256 random
 * bits, stored as its SHA-256), its rotation, and which device a credential may act as. A device
 * has no person behind it: its credential, scoped to its organization, is what these methods trust.
 */
@Service
public class DeviceRegistrations {
    private static final LimitedAction REFUSED_REGISTRATIONS = new LimitedAction("problem.tooMany.refusedRegistrations", "refused registrations from your address");

    static final String CREDENTIAL_PREFIX = "ocpsd_";
    private static final int CREDENTIAL_LENGTH = CREDENTIAL_PREFIX.length() + 43;
    private static final String CODE_FIELD = "activationCode";

    private final AccessPolicy policy;
    private final Organizations organizations;
    private final OrganizationNetworks networks;
    private final ActivationCodeStore codes;
    private final DeviceStore devices;
    private final DevicesOrgStore orgRows;
    private final RateLimiter rateLimiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DevicesProperties properties;

    DeviceRegistrations(AccessPolicy policy, Organizations organizations, OrganizationNetworks networks,
                        ActivationCodeStore codes, DeviceStore devices, DevicesOrgStore orgRows, RateLimiter rateLimiter,
                        ApplicationEventPublisher events, Clock clock, DevicesProperties properties) {
        this.policy = policy;
        this.organizations = organizations;
        this.networks = networks;
        this.codes = codes;
        this.devices = devices;
        this.orgRows = orgRows;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Registers a device with an activation code. An unknown, expired, used or revoked code is a
     * 422 naming {@code activationCode}; a printer beyond the license's device limit a 422 naming
     * {@code license}; from an address outside the organization's IP allow-list a 403. Either way
     * nothing changes (the code stays usable but in the first case).
     */
    @Transactional
    public RegisteredDevice register(DeviceRegistration request, String sourceIp) {
        rateLimiter.requireAvailable(sourceKey(sourceIp), REFUSED_REGISTRATIONS);
        if (request.kind() == null) {
            throw new InvalidInputException("kind", "problem.device.kind", "kind is PRINTER or AGENT");
        }
        Instant now = clock.instant();
        DeviceDescription description = DeviceDescription.of(request.name(), request.model(), request.serialNumber(),
                request.hostName(), request.ipAddress());
        String presented = request.activationCode();
        if (presented == null || presented.isBlank() || presented.length() > 64) {
            throw refused(null, null, "no valid activation code given", sourceIp, "an activation code is required");
        }
        ActivationCode code = codes.findByHash(ActivationCodes.hash(presented))
                .orElseThrow(() -> refused(null, null, "unknown code", sourceIp, "unknown activation code"));
        switch (code.stateAt(now)) {
            case EXPIRED -> throw refused(code, "expired", sourceIp, "this activation code has expired; ask for a new one");
            case USED -> throw refused(code, "already used", sourceIp, "this activation code has already been used");
            case REVOKED -> throw refused(code, "revoked", sourceIp, "this activation code was revoked");
            case USABLE -> { }
        }
        OrgId org = code.orgId();
        if (!organizations.find(org).map(Organization::active).orElse(false)) {
            throw refused(code, "organization discontinued", sourceIp, "the organization of this code is discontinued");
        }
        networks.requireAllowed(org, sourceIp, Channel.DEVICE, null);
        orgRows.lock(org);
        if (request.kind() == DeviceKind.PRINTER) {
            requireRoomInLicense(org, code, sourceIp);
        }
        DeviceRow row = description.row(org, DeviceId.random(), request.kind(), null, null, now);
        if (!codes.use(org, code.id(), row.id(), now)) {
            throw refused(code, "already used", sourceIp, "this activation code has already been used");
        }
        String credential = Tokens.newToken(CREDENTIAL_PREFIX);
        devices.insert(row, Tokens.hash(credential));
        events.publishEvent(new DeviceRegistered(org, row.id(), row.kind(), code.id(), null, sourceIp, now));
        return new RegisteredDevice(row.id(), org, credential);
    }

    /** An edge agent adds a LAN printer it stands in for; it counts against the device limit. */
    @Transactional
    public DeviceId addPrinter(DevicePrincipal agent, NewPrinter printer, String sourceIp) {
        if (agent.kind() != DeviceKind.AGENT) {
            throw new ForbiddenException("problem.device.onlyAgentAdds", "only an edge agent adds printers it stands in for");
        }
        DeviceRow row = DeviceDescription.of(printer.name(), printer.model(), printer.serialNumber(), printer.hostName(),
                printer.ipAddress()).row(agent.orgId(), DeviceId.random(), DeviceKind.PRINTER, agent.deviceId(),
                DeviceFields.printerUri(printer.uri()), clock.instant());
        orgRows.lock(agent.orgId());
        requireRoomInLicense(agent.orgId(), null, sourceIp);
        devices.insert(row, null);
        events.publishEvent(new DeviceRegistered(agent.orgId(), row.id(), DeviceKind.PRINTER, null, agent.deviceId(), sourceIp,
                clock.instant()));
        return row.id();
    }

    /** A new credential for the device holding {@code holder}'s; the old one stops working at once. */
    @Transactional
    public String rotateCredential(DevicePrincipal holder, String sourceIp) {
        String credential = Tokens.newToken(CREDENTIAL_PREFIX);
        if (!devices.rotateCredential(holder.orgId(), holder.deviceId(), Tokens.hash(credential), clock.instant())) {
            throw new NotFoundException("device");
        }
        events.publishEvent(new DeviceCredentialRotated(holder.orgId(), holder.deviceId(), sourceIp, clock.instant()));
        return credential;
    }

    /**
     * The device holding this credential, if it is registered and its organization is active.
     * Entry points go through {@link DeviceCredentials}, which limits guessing.
     */
    Optional<DevicePrincipal> authenticate(String credential) {
        if (credential == null || credential.length() != CREDENTIAL_LENGTH || !credential.startsWith(CREDENTIAL_PREFIX)) {
            return Optional.empty();
        }
        return devices.findByCredential(Tokens.hash(credential))
                .filter(row -> organizations.find(row.orgId()).map(Organization::active).orElse(false))
                .map(row -> new DevicePrincipal(row.orgId(), row.id(), row.kind()));
    }

    /**
     * The device {@code caller} acts as for {@code target}: itself, or an active printer it stands
     * in for if it is an agent. Anything else is a 404: a credential learns nothing of other devices.
     */
    public DevicePrincipal actAs(DevicePrincipal caller, DeviceId target) {
        DeviceFacts targetDevice = caller.deviceId().equals(target) ? null
                : devices.find(caller.orgId(), target).map(DeviceRegistrations::facts).orElse(null);
        policy.requireActsFor(new DeviceFacts(caller.orgId(), caller.deviceId(), caller.kind() == DeviceKind.AGENT, null, true),
                target, targetDevice);
        return caller.deviceId().equals(target) ? caller : new DevicePrincipal(caller.orgId(), target, DeviceKind.PRINTER);
    }

    /** The active printers the holder of a credential prints for: itself if it is one, else those its agent stands in for. */
    public List<ActingPrinter> printersOf(DevicePrincipal holder) {
        List<DeviceRow> rows = holder.kind() == DeviceKind.AGENT
                ? devices.printersOf(holder.orgId(), holder.deviceId())
                : devices.find(holder.orgId(), holder.deviceId()).stream().toList();
        return rows.stream().filter(row -> row.active() && row.isPrinter())
                .map(row -> new ActingPrinter(row.orgId(), row.id(), row.name()))
                .toList();
    }

    private static DeviceFacts facts(DeviceRow row) {
        return new DeviceFacts(row.orgId(), row.id(), row.kind() == DeviceKind.AGENT, row.agentId(), row.active());
    }

    private void requireRoomInLicense(OrgId org, ActivationCode code, String sourceIp) {
        int limit = organizations.deviceLimit(org);
        if (devices.countActivePrinters(org) >= limit) {
            String message = "the organization's license allows " + limit + (limit == 1 ? " device" : " devices")
                    + " and all are in use: remove or unregister one, or ask your provider for a larger license";
            if (code != null) {
                events.publishEvent(new ActivationCodeRefused(org, code.id(), "license device limit reached", sourceIp));
            }
            throw new InvalidInputException("license", "problem.device.licenseFull", message, limit);
        }
    }

    private InvalidInputException refused(ActivationCode code, String reason, String sourceIp, String message) {
        return refused(code.orgId(), code, reason, sourceIp, message);
    }

    private InvalidInputException refused(OrgId org, ActivationCode code, String reason, String sourceIp, String message) {
        rateLimiter.charge(sourceKey(sourceIp), properties.failedRegistrationsPerSourcePerMinute(), Duration.ofMinutes(1));
        events.publishEvent(new ActivationCodeRefused(org, code == null ? null : code.id(), reason, sourceIp));
        return new InvalidInputException(CODE_FIELD, message);
    }

    private static String sourceKey(String sourceIp) {
        return "device-registration-refused:" + sourceIp;
    }

    /** What a device says about itself, checked. */
    private record DeviceDescription(String name, String model, String serialNumber, String hostName, String ipAddress) {

        static DeviceDescription of(String name, String model, String serialNumber, String hostName, String ipAddress) {
            return new DeviceDescription(DeviceFields.name("name", name), DeviceFields.optionalText("model", model, 100),
                    DeviceFields.optionalText("serialNumber", serialNumber, 100), DeviceFields.hostName(hostName),
                    DeviceFields.ipAddress(ipAddress));
        }

        DeviceRow row(OrgId org, DeviceId id, DeviceKind kind, DeviceId agent, String uri, Instant now) {
            return new DeviceRow(org, id, kind, agent, name, null, null, model, serialNumber, hostName, ipAddress, uri,
                    Device.State.ACTIVE, now, null, 0, null);
        }
    }
}
