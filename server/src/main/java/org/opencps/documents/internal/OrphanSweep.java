package org.opencps.documents.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.opencps.documents.DocumentHolder;
import org.opencps.documents.internal.blob.BlobStore;
import org.opencps.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Deletes, across all organizations, stored documents that no module holds and incomplete uploads,
 * once older than the grace period: what a crash leaves between storing a document and committing
 * the row that refers to it. Runs shortly after start and then periodically, in one process at a time.
 */
@Component
public class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    private final BlobStore blobs;
    private final ObjectProvider<DocumentHolder> holders;
    private final DocumentsProperties properties;
    private final Clock clock;

    OrphanSweep(BlobStore blobs, ObjectProvider<DocumentHolder> holders, DocumentsProperties properties, Clock clock) {
        this.blobs = blobs;
        this.holders = holders;
        this.properties = properties;
        this.clock = clock;
    }

    /** Void: when another process holds the lock, ShedLock skips the call. Answers through the log. */
    @SchedulerLock(name = "documents.sweepOrphans", lockAtMostFor = "PT1H")
    public void sweepOrphans() {
        Instant cutoff = clock.instant().minus(properties.orphanGrace());
        List<BlobStore.Blob> orphans = new ArrayList<>();
        try {
            blobs.list(blob -> {
                if (!blob.lastModified().isAfter(cutoff) && (blob.incomplete() || unheld(blob))) {
                    orphans.add(blob);
                }
            });
            for (BlobStore.Blob orphan : orphans) {
                blobs.remove(orphan);
            }
        } catch (IOException | RuntimeException e) {
            log.error("The orphan document sweep failed; it runs again later", e);
            return;
        }
        if (!orphans.isEmpty()) {
            log.info("Deleted {} orphan documents or incomplete uploads", orphans.size());
        }
    }

    private boolean unheld(BlobStore.Blob blob) {
        return holders.stream().noneMatch(holder -> holder.holds(blob.org(), blob.id()));
    }

    /** Runs {@code documents.sweepOrphans} once per period across the server processes. */
    @Bean
    static PeriodicJob sweepOrphansPeriodically(OrphanSweep orphanSweep,
                                                @Value("${opencps.documents.orphan-sweep-interval:1h}") Duration every,
                                                @Value("${opencps.documents.orphan-sweep-initial-delay:1s}") Duration initialDelay) {
        return new PeriodicJob("documents.sweepOrphans", every, initialDelay, Duration.parse("PT1H"),
                orphanSweep::sweepOrphans);
    }
}
