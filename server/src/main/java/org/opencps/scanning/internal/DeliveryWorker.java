package org.opencps.scanning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencps.scanning.Scan;
import org.opencps.scanning.ScanDelivered;
import org.opencps.scanning.ScanDeliveryFailed;
import org.opencps.scanning.cloud.CloudUploadOutcome;
import org.opencps.scanning.internal.persistence.ScanStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due scans after their upload was acknowledged. Every process runs this; each scan is
 * attempted by the one process that claims it (a conditional update with a lease, so a process
 * that dies mid-attempt leaves it to the others once the lease ends). A scan that cannot be
 * delivered yet waits with a doubling backoff (or what the destination asked for, if longer);
 * after the last attempt, or an answer that trying again will not help, it FAILED and its owner
 * is e-mailed.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;

    private final ScanStore scans;
    private final ScanDeliveries deliveries;
    private final ScanMail mail;
    private final ScanningProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryWorker(ScanStore scans, ScanDeliveries deliveries, ScanMail mail, ScanningProperties properties,
                   TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.scans = scans;
        this.deliveries = deliveries;
        this.mail = mail;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${opencps.scanning.delivery-interval:2s}", fixedDelayString = "${opencps.scanning.delivery-interval:2s}")
    public void deliverDue() {
        Instant now = clock.instant();
        for (ScanStore.Row row : scans.due(now, BATCH)) {
            Scan scan = row.scan();
            if (!scans.claim(scan.orgId(), scan.id(), now, now.plus(properties.deliveryLease()))) {
                continue;
            }
            try {
                attempt(row);
            } catch (RuntimeException e) {
                log.warn("Delivery of scan {} failed unexpectedly; it is tried again", scan.id(), e);
                scans.retryAt(scan.orgId(), scan.id(), scan.attempts() + 1, "unexpected error",
                        clock.instant().plus(properties.backoffAfter(scan.attempts() + 1)));
            }
        }
    }

    private void attempt(ScanStore.Row row) {
        Scan scan = row.scan();
        int attempts = scan.attempts() + 1;
        Duration backoff = properties.backoffAfter(attempts);
        CloudUploadOutcome outcome = deliveries.attempt(row, backoff);
        Instant now = clock.instant();
        switch (outcome) {
            case CloudUploadOutcome.Delivered delivered -> transactions.executeWithoutResult(status -> {
                scans.delivered(scan.orgId(), scan.id(), attempts, delivered.remoteId(), now);
                events.publishEvent(new ScanDelivered(scan.orgId(), scan.id(), scan.owner(), scan.kind(), attempts, now));
            });
            case CloudUploadOutcome.RetryLater later when attempts < properties.maxAttempts() -> {
                Duration wait = later.after() != null && later.after().compareTo(backoff) > 0 ? later.after() : backoff;
                scans.retryAt(scan.orgId(), scan.id(), attempts, later.reason(), now.plus(wait));
            }
            case CloudUploadOutcome.RetryLater later -> fail(scan, attempts, later.reason() + " (gave up after " + attempts + " attempts)", now);
            case CloudUploadOutcome.Failed failed -> fail(scan, attempts, failed.reason(), now);
        }
    }

    private void fail(Scan scan, int attempts, String reason, Instant now) {
        transactions.executeWithoutResult(status -> {
            scans.failed(scan.orgId(), scan.id(), attempts, reason, now);
            events.publishEvent(new ScanDeliveryFailed(scan.orgId(), scan.id(), scan.owner(), scan.kind(), attempts, reason, now));
        });
        try {
            mail.failed(scan, reason);
        } catch (RuntimeException e) {
            log.warn("Could not tell the owner of scan {} that it failed", scan.id(), e);
        }
    }
}
