package org.opencps.scanning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.documents.Documents;
import org.opencps.platform.scheduling.PeriodicJob;
import org.opencps.scanning.ScanDeleted;
import org.opencps.scanning.internal.persistence.ScanStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes scans whose organization's retention (fixed when they arrived) has ended, across all
 * organizations: the row in its own transaction, then the document. One process at a time.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 500;

    private final ScanStore scans;
    private final Documents documents;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RetentionJob(ScanStore scans, Documents documents, TransactionTemplate transactions, ApplicationEventPublisher events,
                 Clock clock) {
        this.scans = scans;
        this.documents = documents;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @SchedulerLock(name = "scanning.purgeExpiredScans", lockAtMostFor = "PT30M")
    public void purgeExpired() {
        Instant now = clock.instant();
        int purged = 0;
        List<ScanStore.Row> batch;
        do {
            batch = scans.expiredAtOrBefore(now, BATCH);
            for (ScanStore.Row row : batch) {
                var scan = row.scan();
                transactions.executeWithoutResult(status -> {
                    scans.delete(scan.orgId(), scan.id());
                    events.publishEvent(new ScanDeleted(scan.orgId(), scan.id(), scan.owner(), null, now));
                });
                if (row.document() != null) {
                    try {
                        documents.delete(scan.orgId(), row.document());
                    } catch (RuntimeException e) {
                        log.warn("Could not delete the document of expired scan {}; the orphan sweep will", scan.id(), e);
                    }
                }
                purged++;
            }
        } while (batch.size() == BATCH);
        if (purged > 0) {
            log.info("Deleted {} scans past their retention", purged);
        }
    }

    /** Runs {@code scanning.purgeExpiredScans} once per period across the server processes. */
    @Bean
    static PeriodicJob purgeExpiredScansPeriodically(RetentionJob retentionJob,
                                                     @Value("${opencps.scanning.retention-check-interval:5m}") Duration every) {
        return new PeriodicJob("scanning.purgeExpiredScans", every, every, Duration.parse("PT30M"),
                retentionJob::purgeExpired);
    }
}
