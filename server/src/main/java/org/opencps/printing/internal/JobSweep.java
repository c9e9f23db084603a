package org.opencps.printing.internal;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opencps.printing.internal.persistence.JobStore;
import org.slf4j.Logger;

/**
 * Works through jobs a scheduled task found, batch after batch, until a batch is empty or none
 * of it could be handled (then the next run tries again); one job's failure is logged and does
 * not stop the others.
 */
final class JobSweep {

    private JobSweep() {
    }

    /** How many jobs {@code handle} said it handled. */
    static int run(Supplier<List<JobStore.Row>> nextBatch, Predicate<JobStore.Row> handle, Logger log, String what) {
        int handled = 0;
        for (var batch = nextBatch.get(); !batch.isEmpty(); batch = nextBatch.get()) {
            int before = handled;
            for (JobStore.Row row : batch) {
                try {
                    if (handle.test(row)) {
                        handled++;
                    }
                } catch (RuntimeException e) {
                    log.error("Could not {} job {} of {}; retried at the next run", what, row.job().id(), row.job().orgId(), e);
                }
            }
            if (handled == before) {
                break;
            }
        }
        return handled;
    }
}
