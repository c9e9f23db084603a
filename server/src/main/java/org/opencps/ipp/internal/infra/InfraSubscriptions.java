package org.opencps.ipp.internal.infra;

import static org.opencps.ipp.internal.protocol.PrinterAttributes.upTime;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opencps.devices.DeviceRemoved;
import org.opencps.devices.DeviceUnregistered;
import org.opencps.ipp.internal.persistence.InfraSubscriptionStore;
import org.opencps.ipp.internal.persistence.InfraSubscriptionStore.Row;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.IppStatusException;
import org.opencps.ipp.internal.protocol.RequestAttributes;
import org.opencps.platform.ids.OrgId;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Printer subscriptions (RFC 3995) of INFRA proxies, with ippget pull delivery (see
 * {@link InfraNotifications}). Kept in the database: a proxy's subscription outlives a restart of
 * the server and is the same on every server process. Only the credential that made a
 * subscription (the printer's own or its edge agent's) sees and uses it. Each has a lease of at
 * most {@link #MAX_LEASE} (asking for 0 gets that), renewed by Renew-Subscription and by every
 * Get-Notifications, so a proxy that keeps asking keeps it; a printer holds at most
 * {@link #MAX_PER_PRINTER} live ones.
 */
@Component
class InfraSubscriptions implements OrganizationPurgeParticipant {

    static final List<String> EVENTS = List.of("job-fetchable", "job-state-changed", "job-config-changed",
            "document-state-changed", "document-config-changed", "printer-state-changed", "printer-config-changed");
    static final int MAX_PER_PRINTER = 10;
    static final Duration MAX_LEASE = Duration.ofDays(7);

    private final InfraSubscriptionStore store;
    private final Clock clock;

    InfraSubscriptions(InfraSubscriptionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    IppPacket create(InfraContext context, IppRequest request) {
        var requested = new RequestAttributes(request.packet().get(Tag.subscriptionAttributes));
        String method = requested.single(Types.notifyPullMethod).orElse(null);
        if (!"ippget".equals(method)) {
            throw new IppStatusException(Status.clientErrorAttributesOrValuesNotSupported,
                    "only notify-pull-method ippget is supported here",
                    method == null ? List.of() : List.<Attribute<?>>of(Types.notifyPullMethod.of(method)));
        }
        List<String> events = requested.all(Types.notifyEvents).stream().filter(EVENTS::contains).distinct().toList();
        Duration lease = lease(requested);
        OutputDevice device = context.device();
        Row created = store.create(device.orgId(), device.id(), device.credentialHolder(),
                        events.isEmpty() ? List.of("job-fetchable") : events, lease, clock.instant(), MAX_PER_PRINTER)
                .orElseThrow(() -> new IppStatusException(Status.clientErrorTooManySubscriptions, "a printer may hold "
                        + MAX_PER_PRINTER + " subscriptions; cancel one first (Get-Subscriptions lists yours)"));
        return IppResponses.response(request, Status.successfulOk, null)
                .putSubscriptionAttributes(Types.notifySubscriptionId.of(created.id()),
                        Types.notifyLeaseDuration.of((int) lease.toSeconds()))
                .build();
    }

    IppPacket cancel(InfraContext context, IppRequest request) {
        int id = new RequestAttributes(request.operationAttributes()).required(Types.notifySubscriptionId);
        Row row = mine(store, context, id, clock.instant());
        store.delete(row.orgId(), row.deviceId(), row.id());
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    /** A new lease from now, as asked for (in the operation or the subscription group) or the longest. */
    IppPacket renew(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        int id = operation.required(Types.notifySubscriptionId);
        Row row = mine(store, context, id, clock.instant());
        Duration lease = operation.has(Types.notifyLeaseDuration.getName()) ? lease(operation)
                : lease(new RequestAttributes(request.packet().get(Tag.subscriptionAttributes)));
        store.renew(row.orgId(), row.deviceId(), row.id(), lease, clock.instant());
        return IppResponses.response(request, Status.successfulOk, null)
                .putSubscriptionAttributes(Types.notifyLeaseDuration.of((int) lease.toSeconds())).build();
    }

    IppPacket getAttributes(InfraContext context, IppRequest request) {
        int id = new RequestAttributes(request.operationAttributes()).required(Types.notifySubscriptionId);
        return IppResponses.response(request, Status.successfulOk, null)
                .putSubscriptionAttributes(describe(context, mine(store, context, id, clock.instant()))).build();
    }

    /** The caller's own subscriptions of the printer: another credential's are not its business. */
    IppPacket list(InfraContext context, IppRequest request) {
        var response = IppResponses.response(request, Status.successfulOk, null);
        OutputDevice device = context.device();
        store.ofOwner(device.orgId(), device.id(), device.credentialHolder(), clock.instant()).forEach(row ->
                response.addGroup(AttributeGroup.groupOf(Tag.subscriptionAttributes, describe(context, row))));
        return response.build();
    }

    /** Deregister-Output-Device: the printer's subscriptions end with it. */
    void forget(OutputDevice device) {
        store.deleteOfPrinter(device.orgId(), device.id());
    }

    @EventListener
    void on(DeviceUnregistered unregistered) {
        store.deleteOfDevice(unregistered.org(), unregistered.device());
    }

    @EventListener
    void on(DeviceRemoved removed) {
        store.deleteOfDevice(removed.org(), removed.device());
    }

    @Override
    public void purgeOrganizationData(OrgId org) {
        store.deleteOrganization(org);
    }

    /**
     * The live subscription {@code id} of the printer, made with the caller's credential; any other
     * (gone, expired, another printer's or credential's, another organization's) is not found.
     */
    static Row mine(InfraSubscriptionStore store, InfraContext context, int id, Instant now) {
        OutputDevice device = context.device();
        return store.find(device.orgId(), device.id(), id, now)
                .filter(row -> row.owner().equals(device.credentialHolder()))
                .orElseThrow(() -> new IppStatusException(Status.clientErrorNotFound,
                        "there is no subscription " + id + " for this printer"));
    }

    /** notify-lease-duration as asked for, when it is from 1 second to the longest; the longest otherwise. */
    private static Duration lease(RequestAttributes attributes) {
        int seconds = attributes.single(Types.notifyLeaseDuration).orElse(0);
        return seconds <= 0 || seconds > MAX_LEASE.toSeconds() ? MAX_LEASE : Duration.ofSeconds(seconds);
    }

    private static List<Attribute<?>> describe(InfraContext context, Row row) {
        return List.of(Types.notifySubscriptionId.of(row.id()), Types.notifyPullMethod.of("ippget"),
                Types.notifyEvents.of(row.events()), Types.notifyLeaseDuration.of((int) row.lease().toSeconds()),
                Types.notifyLeaseExpirationTime.of(upTime(row.expiresAt())), Types.notifySequenceNumber.of(row.lastSequence()),
                Types.notifyPrinterUri.of(context.printerUri()));
    }
}
