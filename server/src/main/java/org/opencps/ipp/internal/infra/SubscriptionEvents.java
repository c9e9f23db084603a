package org.opencps.ipp.internal.infra;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;
import org.opencps.ipp.internal.infra.InfraJobs.InfraJob;
import org.opencps.printing.JobId;

/**
 * The events of one printer subscription held in this process: the newest few, for
 * Get-Notifications, and which fetchable jobs it has already announced (each job once). Lost with
 * the process; the sequence numbers come from the database, so they go on rising after a restart.
 */
final class SubscriptionEvents {

    static final int KEPT_EVENTS = 100;

    record Event(int subscription, int sequence, String kind, int jobNumber, Instant at) {
    }

    private final int id;
    private final boolean jobFetchable;
    private final Deque<Event> recent = new ArrayDeque<>();
    private final Set<JobId> announced = new HashSet<>();

    SubscriptionEvents(int id, List<String> events) {
        this.id = id;
        this.jobFetchable = events.contains("job-fetchable");
    }

    /**
     * A job-fetchable event for each fetchable job not announced before, numbered by
     * {@code takeNumbers} (how many, to the last number taken; empty once the subscription is
     * gone). Only jobs still fetchable are remembered, so a job released again later is announced
     * again, and the set stays small.
     */
    synchronized void announce(List<InfraJob> fetchable, Instant now, IntFunction<OptionalInt> takeNumbers) {
        if (!jobFetchable) {
            return;
        }
        announced.retainAll(fetchable.stream().map(job -> job.row().printJobId()).toList());
        List<InfraJob> news = new ArrayList<>();
        for (InfraJob job : fetchable) {
            if (!announced.contains(job.row().printJobId())) {
                news.add(job);
            }
        }
        if (news.isEmpty()) {
            return;
        }
        OptionalInt last = takeNumbers.apply(news.size());
        if (last.isEmpty()) {
            return;
        }
        int sequence = last.getAsInt() - news.size();
        for (InfraJob job : news) {
            announced.add(job.row().printJobId());
            recent.addLast(new Event(id, ++sequence, "job-fetchable", job.number(), now));
            if (recent.size() > KEPT_EVENTS) {
                recent.removeFirst();
            }
        }
    }

    synchronized List<Event> eventsFrom(int sequence) {
        return recent.stream().filter(event -> event.sequence() >= sequence).toList();
    }
}
