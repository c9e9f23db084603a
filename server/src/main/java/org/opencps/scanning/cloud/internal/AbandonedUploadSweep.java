package org.opencps.scanning.cloud.internal;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.platform.scheduling.PeriodicJob;
import org.opencps.scanning.cloud.internal.persistence.CloudUploadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Forgets the upload sessions of deliveries that will not resume: their scan failed for good, was
 * delivered or deleted (by its owner or its retention) while a session was open, or the process
 * died between the last confirmation and the end. A row untouched for {@code abandoned-upload-age}
 * whose scan no longer waits for delivery goes; a waiting scan keeps its session however old.
 */
@Component
public class AbandonedUploadSweep {

    private static final Logger log = LoggerFactory.getLogger(AbandonedUploadSweep.class);

    private final CloudUploadStore uploads;
    private final Duration age;
    private final Clock clock;

    AbandonedUploadSweep(CloudUploadStore uploads, @Value("${opencps.scanning.cloud.abandoned-upload-age:24h}") Duration age,
                         Clock clock) {
        this.uploads = uploads;
        this.age = age;
        this.clock = clock;
    }

    @SchedulerLock(name = "scanning.sweepAbandonedUploads", lockAtMostFor = "PT30M")
    public void sweep() {
        int swept = uploads.deleteAbandoned(clock.instant().minus(age));
        if (swept > 0) {
            log.info("Forgot {} upload sessions of deliveries that will not resume", swept);
        }
    }

    /** Runs {@code scanning.sweepAbandonedUploads} once per period across the server processes. */
    @Bean
    static PeriodicJob sweepAbandonedUploadsPeriodically(AbandonedUploadSweep abandonedUploadSweep,
                                                         @Value("${opencps.scanning.cloud.abandoned-upload-sweep-interval:1h}") Duration every) {
        return new PeriodicJob("scanning.sweepAbandonedUploads", every, every, Duration.parse("PT30M"),
                abandonedUploadSweep::sweep);
    }
}
