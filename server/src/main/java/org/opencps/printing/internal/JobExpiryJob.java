package org.opencps.printing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.documents.Documents;
import org.opencps.platform.scheduling.PeriodicJob;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobExpired;
import org.opencps.printing.internal.persistence.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires, across all organizations, held jobs not released within their organization's retention
 * time (fixed at submission), and released jobs whose device fetched the document but never said
 * how printing went (their quota charge stands: they may have printed). Each is marked EXPIRED in
 * its own transaction, then its document is deleted. One process at a time.
 */
@Component
public class JobExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(JobExpiryJob.class);
    private static final int BATCH = 500;

    private final JobStore jobs;
    private final Documents documents;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobExpiryJob(JobStore jobs, Documents documents, TransactionTemplate transactions,
                 ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.documents = documents;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @SchedulerLock(name = "printing.expireHeldJobs", lockAtMostFor = "PT30M")
    public void expireHeldJobs() {
        Instant now = clock.instant();
        int expired = JobSweep.run(() -> jobs.expiringAtOrBefore(now, BATCH), row -> expire(row, now), log, "expire");
        if (expired > 0) {
            log.info("Expired {} held print jobs", expired);
        }
    }

    private boolean expire(JobStore.Row row, Instant now) {
        PrintJob job = row.job();
        boolean done = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!jobs.finish(job.orgId(), job.id(), job.state(), PrintJob.State.EXPIRED)) {
                return false;
            }
            events.publishEvent(new PrintJobExpired(job.orgId(), job.id(), job.owner(), now));
            return true;
        }));
        if (done && row.document() != null) {
            try {
                documents.delete(job.orgId(), row.document());
            } catch (RuntimeException e) {
                log.warn("Could not delete the document of expired job {}; the orphan sweep will", job.id(), e);
            }
        }
        return done;
    }

    /** Runs {@code printing.expireHeldJobs} once per period across the server processes. */
    @Bean
    static PeriodicJob expireHeldJobsPeriodically(JobExpiryJob jobExpiryJob,
                                                  @Value("${opencps.printing.expiry-check-interval:1m}") Duration every) {
        return new PeriodicJob("printing.expireHeldJobs", every, every, Duration.parse("PT30M"),
                jobExpiryJob::expireHeldJobs);
    }
}
