package org.opencps.ipp.internal.infra;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencps.ipp.internal.infra.InfraJobs.InfraJob;
import org.opencps.printing.JobId;

/**
 * One printer subscription: its events in sequence, the newest few kept for Get-Notifications,
 * and which fetchable jobs it has already announced (each job once).
 */
final class InfraSubscription {

    static final int KEPT_EVENTS = 100;

    record Event(int subscription, int sequence, String kind, int jobNumber, Instant at) {
    }

    private final int id;
    private final OutputDevice device;
    private final List<String> events;
    private final Instant createdAt;
    private final Deque<Event> recent = new ArrayDeque<>();
    private final Set<JobId> announced = new HashSet<>();
    private int lastSequence;

    InfraSubscription(int id, OutputDevice device, List<String> events, Instant createdAt) {
        this.id = id;
        this.device = device;
        this.events = List.copyOf(events);
        this.createdAt = createdAt;
    }

    int id() {
        return id;
    }

    OutputDevice device() {
        return device;
    }

    List<String> events() {
        return events;
    }

    Instant createdAt() {
        return createdAt;
    }

    /**
     * A job-fetchable event for each fetchable job not announced before. Only jobs still fetchable
     * are remembered, so a job released again later is announced again, and the set stays small.
     */
    synchronized void announce(List<InfraJob> fetchable, Instant now) {
        if (!events.contains("job-fetchable")) {
            return;
        }
        announced.retainAll(fetchable.stream().map(job -> job.row().printJobId()).toList());
        for (InfraJob job : fetchable) {
            if (announced.add(job.row().printJobId())) {
                recent.addLast(new Event(id, ++lastSequence, "job-fetchable", job.number(), now));
                if (recent.size() > KEPT_EVENTS) {
                    recent.removeFirst();
                }
            }
        }
    }

    synchronized List<Event> eventsFrom(int sequence) {
        return recent.stream().filter(event -> event.sequence() >= sequence).toList();
    }
}
