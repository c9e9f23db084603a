package org.opencps.documents.internal;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.documents.Documents;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Rotates, across all organizations, every document keyset whose newest key is as old as the
 * rotation interval (90 days by default). Checked hourly rather than run every 90 days, so a
 * restart does not push a rotation back; each organization rotates in its own transaction.
 */
@Component
public class KeyRotationJob {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationJob.class);

    private final org.opencps.documents.internal.persistence.KeysetStore store;
    private final Documents documents;
    private final DocumentsProperties properties;
    private final Clock clock;

    KeyRotationJob(org.opencps.documents.internal.persistence.KeysetStore store, Documents documents,
                   DocumentsProperties properties, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    @SchedulerLock(name = "documents.rotateKeys", lockAtMostFor = "PT1H")
    public void rotateDueKeys() {
        int rotated = 0;
        for (OrgId org : store.rotatedAtOrBefore(clock.instant().minus(properties.keyRotationInterval()))) {
            try {
                documents.rotateKey(org, null);
                rotated++;
            } catch (RuntimeException e) {
                log.error("Could not rotate the document keys of {}; retried at the next check", org, e);
            }
        }
        if (rotated > 0) {
            log.info("Rotated the document keys of {} organizations", rotated);
        }
    }

    /** Runs {@code documents.rotateKeys} once per period across the server processes. */
    @Bean
    static PeriodicJob rotateKeysPeriodically(KeyRotationJob keyRotationJob,
                                              @Value("${opencps.documents.key-rotation-check-interval:1h}") Duration every) {
        return new PeriodicJob("documents.rotateKeys", every, every, Duration.parse("PT1H"),
                keyRotationJob::rotateDueKeys);
    }
}
