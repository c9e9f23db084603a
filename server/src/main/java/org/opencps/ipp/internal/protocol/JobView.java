package org.opencps.ipp.internal.protocol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opencps.ipp.internal.persistence.IppJobStore.Row;
import org.opencps.ipp.internal.persistence.IppJobStore.State;
import org.opencps.printing.PrintJob;

/**
 * A job as IPP reports it: its IPP row joined with the print job it became (null while none,
 * or once the print job is gone). Held jobs are pending-held with job-hold-until-specified, so
 * the CUPS backend stops waiting there and its local queue completes (IPP.md §1).
 */
record JobView(Row row, PrintJob printJob, int state, List<String> reasons, String message, Instant completedAt) {

    static final int PENDING = 3;
    static final int PENDING_HELD = 4;
    static final int PROCESSING = 5;
    static final int CANCELED = 7;
    static final int ABORTED = 8;
    static final int COMPLETED = 9;

    static JobView of(Row row, PrintJob printJob, Instant now, Duration documentTimeOut) {
        Instant changed = row.stateChangedAt();
        return switch (row.state()) {
            case OPEN, RECEIVING -> now.isAfter(changed.plus(documentTimeOut))
                    ? new JobView(row, null, ABORTED, List.of("aborted-by-system"), "No document arrived in time", changed.plus(documentTimeOut))
                    : new JobView(row, null, PENDING, List.of("job-incoming"), "Waiting for the document", null);
            case CANCELED -> new JobView(row, null, CANCELED, List.of("job-canceled-by-user"), "Canceled", changed);
            case ABORTED -> new JobView(row, null, ABORTED, List.of("aborted-by-system"), "Ended without a printable document", changed);
            case SUBMITTED -> printJob == null
                    ? new JobView(row, null, CANCELED, List.of("job-canceled-by-user"), "No longer in OpenCPS", changed)
                    : submitted(row, printJob);
        };
    }

    private static JobView submitted(Row row, PrintJob job) {
        return switch (job.state()) {
            case HELD -> new JobView(row, job, PENDING_HELD, List.of("job-hold-until-specified"),
                    "Held until you release it at a printer", null);
            case RELEASED -> new JobView(row, job, PROCESSING, List.of("job-printing"), "Released to a printer", null);
            case PRINTING -> new JobView(row, job, PROCESSING, List.of("job-printing"), "Printing", null);
            case COMPLETED -> new JobView(row, job, COMPLETED, List.of("job-completed-successfully"), "Printed",
                    job.delivery() == null ? null : job.delivery().completedAt());
            case FAILED -> new JobView(row, job, ABORTED, List.of("aborted-by-system"), "Printing failed", null);
            case CANCELED -> new JobView(row, job, CANCELED, List.of("job-canceled-by-user"), "Canceled", null);
            case EXPIRED -> new JobView(row, job, ABORTED, List.of("aborted-by-system"), "Expired before it was released", null);
        };
    }

    boolean terminal() {
        return state >= CANCELED;
    }

    /** Waiting for its document: the only state Send-Document and Close-Job act on. */
    boolean open() {
        return row.state() == State.OPEN && state == PENDING;
    }
}
