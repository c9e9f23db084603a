package org.opencps.platform.events;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.platform.scheduling.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again every event whose after-commit listener has not yet succeeded (it failed, or the
 * process stopped while it ran) once the event is older than {@code opencps.events.retry-after}
 * (default one minute), every {@code opencps.events.retry-interval} (default one minute, the
 * first run that long after the start). One process at a time (ShedLock), so with several servers
 * on one database only one retries; a restarted server picks up what a stopped one left. Chosen
 * over Modulith's republish-on-restart, which retries only when a process starts (a failure in a
 * long-running process would wait for the next restart) and, with several processes, would also
 * hand the others' events still in flight to the starting one. Listeners are idempotent, since an
 * event may still be delivered twice (a slow listener overtaken by a retry, or a crash between a
 * listener's commit and its publication being marked complete).
 */
@Component
class UndeliveredEvents {

    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    UndeliveredEvents(IncompleteEventPublications incomplete,
                      @Value("${opencps.events.retry-after:1m}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @SchedulerLock(name = "platform.deliverEventsAgain", lockAtMostFor = "PT30M")
    public void deliverAgain() {
        incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
    }

    /** Runs {@code platform.deliverEventsAgain} once per period across the server processes. */
    @Bean
    static PeriodicJob deliverEventsAgainPeriodically(UndeliveredEvents undeliveredEvents,
                                                      @Value("${opencps.events.retry-interval:1m}") Duration every) {
        return new PeriodicJob("platform.deliverEventsAgain", every, every, Duration.parse("PT30M"),
                undeliveredEvents::deliverAgain);
    }
}
