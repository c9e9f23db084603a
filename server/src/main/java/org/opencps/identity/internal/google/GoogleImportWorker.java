package org.opencps.identity.internal.google;

import java.time.Clock;
import java.util.UUID;
import org.opencps.identity.GoogleWorkspaceChanged;
import org.opencps.identity.internal.persistence.GoogleImportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued Google Workspace imports in the background. Every server process looks for queued jobs; taking one is
 * an update of its state from QUEUED to RUNNING that only one process can make, so each job runs exactly once.
 */
@Component
public class GoogleImportWorker {

    private static final Logger log = LoggerFactory.getLogger(GoogleImportWorker.class);
    private static final int FAILURE_TEXT = 1000;

    private final GoogleImportStore jobs;
    private final GoogleImporter importer;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GoogleImportWorker(GoogleImportStore jobs, GoogleImporter importer, TransactionTemplate transaction, ApplicationEventPublisher events,
                       Clock clock) {
        this.jobs = jobs;
        this.importer = importer;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${opencps.sso.google.import-poll:5s}", fixedDelayString = "${opencps.sso.google.import-poll:5s}")
    public void runQueued() {
        for (UUID id : jobs.queued()) {
            if (jobs.take(id, clock.instant())) {
                run(id);
            }
        }
    }

    private void run(UUID id) {
        var job = jobs.find(id).orElseThrow();
        String state = "DONE";
        String failure = null;
        try {
            importer.run(id, job.orgId());
        } catch (RuntimeException e) {
            state = "FAILED";
            failure = e instanceof GoogleCallFailed ? e.getMessage() : "the import stopped: " + e.getClass().getSimpleName();
            failure = failure.length() > FAILURE_TEXT ? failure.substring(0, FAILURE_TEXT) : failure;
            log.warn("Google Workspace import {} of organization {} failed", id, job.orgId(), e);
        }
        String finalState = state;
        String finalFailure = failure;
        transaction.executeWithoutResult(status -> {
            jobs.finish(id, finalState, finalFailure, clock.instant());
            var done = jobs.find(id).orElseThrow();
            events.publishEvent(new GoogleWorkspaceChanged(job.orgId(), null, "DONE".equals(finalState)
                    ? "import done: " + done.usersCreated() + " created, " + done.usersUpdated() + " updated, " + done.usersSkipped()
                    + " skipped, " + done.usersGone() + " gone"
                    : "import failed: " + finalFailure, clock.instant()));
        });
    }
}
