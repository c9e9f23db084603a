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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencps.devices.DeviceEvents;
import org.opencps.ipp.internal.infra.InfraSubscription.Event;
import org.opencps.ipp.internal.infra.InfraJobs.InfraJob;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.IppStatusException;
import org.opencps.ipp.internal.protocol.RequestAttributes;
import org.opencps.platform.ids.DeviceId;
import org.opencps.printing.PrintJobReleased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Printer subscriptions with ippget pull delivery (RFC 3995/3996) for INFRA proxies: a proxy
 * learns of a job released to its printer from a job-fetchable event, waiting in Get-Notifications
 * (notify-wait) until one comes. Subscriptions live in this process's memory: after a restart, or
 * on another process, a proxy's subscription is unknown (client-error-not-found) and it subscribes
 * again; jobs are never lost that way, since Get-Jobs lists every fetchable one.
 */
@Component
class InfraSubscriptions {

    static final List<String> EVENTS = List.of("job-fetchable", "job-state-changed", "job-config-changed",
            "document-state-changed", "document-config-changed", "printer-state-changed", "printer-config-changed");
    static final int MAX_PER_PRINTER = 8;
    /** How long Get-Notifications with notify-wait holds the request, and the pull interval it suggests. */
    static final Duration WAIT = Duration.ofSeconds(25);
    static final int GET_INTERVAL_SECONDS = 30;

    private final InfraJobs jobs;
    private final Clock clock;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, InfraSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<DeviceId, CompletableFuture<Void>> releases = new ConcurrentHashMap<>();

    InfraSubscriptions(InfraJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    IppPacket create(InfraContext context, IppRequest request) {
        AttributeGroup group = request.packet().get(Tag.subscriptionAttributes);
        var requested = new RequestAttributes(group);
        String method = requested.single(Types.notifyPullMethod).orElse(null);
        if (!"ippget".equals(method)) {
            throw new IppStatusException(Status.clientErrorAttributesOrValuesNotSupported,
                    "only notify-pull-method ippget is supported here",
                    method == null ? List.of() : List.<Attribute<?>>of(Types.notifyPullMethod.of(method)));
        }
        List<String> events = requested.all(Types.notifyEvents).stream().filter(EVENTS::contains).toList();
        if (ofPrinter(context.device().id()).size() >= MAX_PER_PRINTER) {
            throw new IppStatusException(Status.clientErrorTooManySubscriptions,
                    "a printer may hold " + MAX_PER_PRINTER + " subscriptions; cancel one first");
        }
        int id = lastId.incrementAndGet();
        subscriptions.put(id, new InfraSubscription(id, context.device(), events.isEmpty() ? List.of("job-fetchable") : events,
                clock.instant()));
        return IppResponses.response(request, Status.successfulOk, null)
                .putSubscriptionAttributes(Types.notifySubscriptionId.of(id), Types.notifyLeaseDuration.of(0))
                .build();
    }

    IppPacket getNotifications(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        List<Integer> ids = operation.all(Types.notifySubscriptionIds);
        if (ids.isEmpty()) {
            throw new IppStatusException(Status.clientErrorBadRequest, "notify-subscription-ids is missing");
        }
        List<Integer> from = operation.all(Types.notifySequenceNumbers);
        List<InfraSubscription> wanted = ids.stream().map(id -> mine(context, id)).toList();
        CompletableFuture<Void> nextRelease = releases.computeIfAbsent(context.device().id(), device -> new CompletableFuture<>());
        List<Event> events = collect(context, wanted, from);
        if (events.isEmpty() && operation.single(Types.notifyWait).orElse(false)) {
            awaitRelease(nextRelease);
            events = collect(context, wanted, from);
        }
        Instant now = clock.instant();
        var response = IppResponses.response(request, Status.successfulOk, null)
                .putOperationAttributes(Types.notifyGetInterval.of(GET_INTERVAL_SECONDS), Types.printerUpTime.of(upTime(now)));
        for (Event event : events) {
            response.addGroup(AttributeGroup.groupOf(Tag.eventNotificationAttributes, List.of(
                    Types.notifySubscriptionId.of(event.subscription()), Types.notifySequenceNumber.of(event.sequence()),
                    Types.notifySubscribedEvent.of(event.kind()), Types.notifyPrinterUri.of(context.printerUri()),
                    Types.notifyText.of("job " + event.jobNumber() + " is waiting to be fetched"),
                    Types.notifyCharset.of("utf-8"), Types.notifyNaturalLanguage.of("en"),
                    Types.printerUpTime.of(upTime(event.at())), Types.jobId.of(event.jobNumber()),
                    Types.jobState.of(com.hp.jipp.model.JobState.pending), Types.jobStateReasons.of("job-fetchable"))));
        }
        return response.build();
    }

    IppPacket cancel(InfraContext context, IppRequest request) {
        int id = new RequestAttributes(request.operationAttributes()).required(Types.notifySubscriptionId);
        subscriptions.remove(mine(context, id).id());
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    /** Leases never run out here (notify-lease-duration 0); renewing just confirms the subscription. */
    IppPacket renew(InfraContext context, IppRequest request) {
        int id = new RequestAttributes(request.operationAttributes()).required(Types.notifySubscriptionId);
        mine(context, id);
        return IppResponses.response(request, Status.successfulOk, null)
                .putSubscriptionAttributes(Types.notifyLeaseDuration.of(0)).build();
    }

    IppPacket getAttributes(InfraContext context, IppRequest request) {
        int id = new RequestAttributes(request.operationAttributes()).required(Types.notifySubscriptionId);
        return IppResponses.response(request, Status.successfulOk, null)
                .putSubscriptionAttributes(describe(context, mine(context, id))).build();
    }

    IppPacket list(InfraContext context, IppRequest request) {
        var response = IppResponses.response(request, Status.successfulOk, null);
        ofPrinter(context.device().id()).forEach(subscription ->
                response.addGroup(AttributeGroup.groupOf(Tag.subscriptionAttributes, describe(context, subscription))));
        return response.build();
    }

    /** Deregister-Output-Device: the printer's subscriptions end with it. */
    void forget(DeviceId device) {
        subscriptions.values().removeIf(subscription -> subscription.device().id().equals(device));
    }

    @EventListener
    void on(DeviceEvents.DeviceUnregistered unregistered) {
        forget(unregistered.device());
    }

    @EventListener
    void on(DeviceEvents.DeviceRemoved removed) {
        forget(removed.device());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PrintJobReleased released) {
        CompletableFuture<Void> waiting = releases.remove(released.device());
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    private List<Event> collect(InfraContext context, List<InfraSubscription> wanted, List<Integer> from) {
        List<InfraJob> fetchable = jobs.released(context.device()).stream().filter(InfraJob::fetchable).toList();
        Instant now = clock.instant();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            InfraSubscription subscription = wanted.get(i);
            subscription.announce(fetchable, now);
            events.addAll(subscription.eventsFrom(i < from.size() ? from.get(i) : 1));
        }
        return events;
    }

    private void awaitRelease(CompletableFuture<Void> nextRelease) {
        try {
            nextRelease.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException nothingReleased) {
            // an empty answer; the proxy asks again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private InfraSubscription mine(InfraContext context, int id) {
        InfraSubscription subscription = subscriptions.get(id);
        if (subscription == null || !subscription.device().id().equals(context.device().id())) {
            throw new IppStatusException(Status.clientErrorNotFound, "there is no subscription " + id + " for this printer");
        }
        return subscription;
    }

    private List<InfraSubscription> ofPrinter(DeviceId device) {
        return subscriptions.values().stream().filter(subscription -> subscription.device().id().equals(device)).toList();
    }

    private static List<Attribute<?>> describe(InfraContext context, InfraSubscription subscription) {
        return List.of(Types.notifySubscriptionId.of(subscription.id()), Types.notifyPullMethod.of("ippget"),
                Types.notifyEvents.of(subscription.events()), Types.notifyLeaseDuration.of(0),
                Types.notifyPrinterUri.of(context.printerUri()));
    }
}
