package org.opencps.printing;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opencps.platform.security.Actor;

/**
 * Held print jobs: the face every entry point (REST, portal, IPP, CLI) uses. Each call checks
 * access first (only the owner, working in the job's organization, ever sees a job).
 */
public interface PrintJobs {

    /**
     * Stores the document encrypted, counts its pages and records the job as HELD, or throws
     * {@link InvalidDocumentException} and stores nothing. The job exists once this returns.
     */
    default PrintJob submit(Actor actor, JobTicket ticket, InputStream document) {
        return submit(actor, ticket, document, job -> { });
    }

    /**
     * As above, and runs {@code inSameTransaction} with the new job in the transaction that records
     * it: what the caller keeps about the job commits with the job, in one durable commit, or neither
     * does (an exception from it refuses the job and goes on to the caller).
     */
    PrintJob submit(Actor actor, JobTicket ticket, InputStream document, Consumer<PrintJob> inSameTransaction);

    /**
     * The document formats this person may submit in: what OpenCPS reads, narrowed by the
     * organization's policy ({@link PrintSettings#allowedFormats()}). Read afresh on every call, so a
     * policy change shows at once; {@link #submit} refuses any other format.
     */
    Set<DocumentFormat> acceptedFormats(Actor actor);

    /**
     * When this person's organization last changed its print settings (what {@link #acceptedFormats}
     * follows); empty when it never did. Lets a print queue tell clients that cache its capabilities
     * to read them again.
     */
    Optional<Instant> settingsChangedAt(Actor actor);

    List<PrintJob> mine(Actor actor);

    PrintJob get(Actor actor, JobId id);

    /** Cancels and deletes a job and its document. */
    void delete(Actor actor, JobId id);

    /** The decrypted document, streamed; the caller closes it. */
    InputStream document(Actor actor, JobId id);
}
