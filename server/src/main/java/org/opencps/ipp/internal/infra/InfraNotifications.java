package org.opencps.ipp.internal.infra;

import static org.opencps.ipp.internal.protocol.PrinterAttributes.upTime;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobState;
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
import org.opencps.ipp.internal.infra.InfraJobs.InfraJob;
import org.opencps.ipp.internal.persistence.InfraEventStore;
import org.opencps.ipp.internal.persistence.InfraEventStore.Event;
import org.opencps.ipp.internal.persistence.InfraSubscriptionStore;
import org.opencps.ipp.internal.persistence.InfraSubscriptionStore.Row;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.IppStatusException;
import org.opencps.ipp.internal.protocol.RequestAttributes;
import org.opencps.platform.cluster.ClusterSignals;
import org.opencps.platform.ids.DeviceId;
import org.opencps.printing.PrintJobReleased;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Get-Notifications (ippget, RFC 3996): a proxy learns of a job released to its printer from a
 * job-fetchable event, waiting (notify-wait) until one comes; a release wakes the waiting requests
 * of that printer at once, in every server process (a {@link ClusterSignals} wake-up sent when the
 * release commits; the waiting request then reads the released jobs from the database). The
 * events are kept in the database ({@link InfraEventStore}), so whichever process a proxy's
 * request reaches, it hears each event once, under one sequence number. Asking renews the
 * subscription's lease.
 */
@Component
class InfraNotifications {

    /** The pull interval Get-Notifications suggests. */
    static final int GET_INTERVAL_SECONDS = 30;
    /** The signal channel of releases; its payload is the printer's device id. */
    static final String RELEASED = "ipp_infra_released";
    static final String JOB_FETCHABLE = "job-fetchable";
    /** The newest events of a subscription kept for Get-Notifications. */
    static final int KEPT_EVENTS = 100;

    private final InfraJobs jobs;
    private final InfraSubscriptionStore store;
    private final Clock clock;
    private final InfraEventStore events;
    private final Map<DeviceId, CompletableFuture<Void>> releases = new ConcurrentHashMap<>();

    private final ClusterSignals signals;
    /** How long Get-Notifications with notify-wait holds the request when nothing is released. */
    private final Duration wait;

    InfraNotifications(InfraJobs jobs, InfraSubscriptionStore store, InfraEventStore events, Clock clock, ClusterSignals signals,
            @Value("${opencps.ipp.infra.notify-wait:25s}") Duration wait) {
        this.wait = wait;
        this.events = events;
        this.jobs = jobs;
        this.store = store;
        this.clock = clock;
        this.signals = signals;
        signals.listen(RELEASED, new ClusterSignals.Listener() {
            @Override
            public void signal(String device) {
                wake(DeviceId.parse(device));
            }

            @Override
            public void missed() {
                wakeAll();
            }
        });
    }

    IppPacket getNotifications(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        List<Integer> ids = operation.all(Types.notifySubscriptionIds);
        if (ids.isEmpty()) {
            throw new IppStatusException(Status.clientErrorBadRequest, "notify-subscription-ids is missing");
        }
        List<Integer> from = operation.all(Types.notifySequenceNumbers);
        Instant now = clock.instant();
        List<Row> wanted = ids.stream().map(id -> InfraSubscriptions.mine(store, context, id, now)).toList();
        wanted.forEach(row -> store.renew(row.orgId(), row.deviceId(), row.id(), row.lease(), now));
        CompletableFuture<Void> nextRelease = releases.computeIfAbsent(context.device().id(), device -> new CompletableFuture<>());
        List<Event> events = collect(context, wanted, from);
        if (events.isEmpty() && operation.single(Types.notifyWait).orElse(false)) {
            awaitRelease(nextRelease);
            events = collect(context, wanted, from);
        }
        var response = IppResponses.response(request, Status.successfulOk, null)
                .putOperationAttributes(Types.notifyGetInterval.of(GET_INTERVAL_SECONDS), Types.printerUpTime.of(upTime(clock.instant())));
        for (Event event : events) {
            response.addGroup(AttributeGroup.groupOf(Tag.eventNotificationAttributes, List.of(
                    Types.notifySubscriptionId.of(event.subscription()), Types.notifySequenceNumber.of(event.sequence()),
                    Types.notifySubscribedEvent.of(event.kind()), Types.notifyPrinterUri.of(context.printerUri()),
                    Types.notifyText.of("job " + event.jobNumber() + " is waiting to be fetched"),
                    Types.notifyCharset.of("utf-8"), Types.notifyNaturalLanguage.of("en"),
                    Types.printerUpTime.of(upTime(event.at())), Types.jobId.of(event.jobNumber()),
                    Types.jobState.of(JobState.pending), Types.jobStateReasons.of("job-fetchable"))));
        }
        return response.build();
    }

    /**
     * Wakes the proxies waiting for this device, on every server process, once the release has
     * committed. A wake-up, not a record: it is not an event publication (the registry would keep
     * one per release and write it from the committing request, which still holds its own database
     * connection then).
     */
    @EventListener
    void on(PrintJobReleased released) {
        signals.send(RELEASED, released.device().value().toString());
    }

    private void wake(DeviceId device) {
        CompletableFuture<Void> waiting = releases.remove(device);
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    /** A release may have gone unheard: every waiting request looks at the database again. */
    private void wakeAll() {
        for (DeviceId device : List.copyOf(releases.keySet())) {
            wake(device);
        }
    }

    private List<Event> collect(InfraContext context, List<Row> wanted, List<Integer> from) {
        Instant now = clock.instant();
        List<Event> found = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Row row = wanted.get(i);
            var subscription = new InfraEventStore.Subscription(row.orgId(), row.deviceId(), row.id());
            if (row.events().contains(JOB_FETCHABLE)) {
                events.announce(subscription, JOB_FETCHABLE, () -> jobs.released(context.device()).stream().filter(InfraJob::fetchable)
                        .map(InfraJob::number).toList(), now, KEPT_EVENTS);
            }
            found.addAll(events.from(subscription, i < from.size() ? from.get(i) : 1));
        }
        return found;
    }

    private void awaitRelease(CompletableFuture<Void> nextRelease) {
        try {
            nextRelease.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException nothingReleased) {
            // an empty answer; the proxy asks again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
