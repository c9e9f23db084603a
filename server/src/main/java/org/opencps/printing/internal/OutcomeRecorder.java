package org.opencps.printing.internal;

import java.time.Clock;
import java.time.Instant;
import org.opencps.access.AccessPolicy;
import org.opencps.documents.Documents;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobCompleted;
import org.opencps.printing.PrintJobFailed;
import org.opencps.printing.PrintJobReleaseTimedOut;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.internal.persistence.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a release ends. Printed: COMPLETED, the quota charge settled in the same transaction, the
 * usage left to reporting (it listens to {@link PrintJobCompleted}, which the event registry keeps
 * until delivered), and the document deleted right after the commit. Failed, or no word in time:
 * HELD again with the quota charge returned.
 */
@Component
class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
    static final int MAX_REPORTED_PAGES = 10_000_000;
    static final int MAX_MESSAGE = 500;

    private final AccessPolicy policy;
    private final JobStore jobs;
    private final QuotaLedger ledger;
    private final Documents documents;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutcomeRecorder(AccessPolicy policy, JobStore jobs, QuotaLedger ledger, Documents documents,
                    TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.jobs = jobs;
        this.ledger = ledger;
        this.documents = documents;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    void report(OrgId org, DeviceId device, JobId id, PrintOutcome outcome) {
        releasedTo(org, device, jobs.find(org, id).orElse(null));
        if (outcome == null) {
            throw new InvalidInputException("success", "problem.outcome.missing", "the outcome is missing");
        }
        String message = clean(outcome.message());
        Instant now = clock.instant();
        if (!outcome.success()) {
            transactions.executeWithoutResult(status -> {
                PrintJob job = releasedTo(org, device, jobs.findForUpdate(org, id).orElse(null));
                holdAgain(job, device);
                events.publishEvent(new PrintJobFailed(org, id, job.owner(), device, message, now));
            });
            return;
        }
        JobStore.Row row = jobs.find(org, id).orElseThrow();
        int[] colorAndMono = pages(outcome, row.job().delivery().colorMode());
        transactions.executeWithoutResult(status -> {
            PrintJob job = releasedTo(org, device, jobs.findForUpdate(org, id).orElse(null));
            PrintJob.Delivery delivery = job.delivery();
            if (!jobs.complete(org, id, device, outcome.pagesPrinted(), now)) {
                throw new ConflictException("state", "problem.outcome.alreadyReported", "the job's outcome was already reported");
            }
            ledger.settle(org, id);
            events.publishEvent(new PrintJobCompleted(org, id, job.owner(), device, delivery.copies(), delivery.colorMode(),
                    delivery.countedPages(), outcome.pagesPrinted(), colorAndMono[0], colorAndMono[1], outcome.duplex(), now));
        });
        if (row.document() != null) {
            try {
                documents.delete(org, row.document());
            } catch (RuntimeException e) {
                log.warn("Could not delete the document of printed job {}; the orphan sweep will", id, e);
            }
        }
    }

    /**
     * A release nobody reported on in time: HELD again, charge returned, if it is still the same
     * release (not reported, nor released anew, meanwhile) and its document still unfetched, both
     * checked under the job's row lock, which a fetch takes too. False when it was not.
     */
    boolean timeOut(PrintJob released, Instant now) {
        PrintJob.Delivery was = released.delivery();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            PrintJob job = jobs.findForUpdate(released.orgId(), released.id()).map(JobStore.Row::job).orElse(null);
            if (job == null || job.state() != PrintJob.State.RELEASED || !was.equals(job.delivery())) {
                return false;
            }
            if (!jobs.holdAgainUnfetched(job.orgId(), job.id(), was.device())) {
                return false;
            }
            ledger.refund(job.orgId(), job.id());
            events.publishEvent(new PrintJobReleaseTimedOut(job.orgId(), job.id(), job.owner(), was.device(), was.releasedAt(), now));
            return true;
        }));
    }

    private void holdAgain(PrintJob job, DeviceId device) {
        if (!jobs.holdAgain(job.orgId(), job.id(), device)) {
            throw new ConflictException("state", "problem.outcome.alreadyReported", "the job's outcome was already reported");
        }
        ledger.refund(job.orgId(), job.id());
    }

    /** The job if it is (or was, and then 409) released to this device; 404 for any other. */
    private PrintJob releasedTo(OrgId org, DeviceId device, JobStore.Row row) {
        policy.requireReleasedTo(org, device, ReleaseService.facts(row));
        PrintJob job = row.job();
        if (job.state() == PrintJob.State.COMPLETED) {
            throw new ConflictException("state", "problem.outcome.alreadyReported", "the job's outcome was already reported");
        }
        if (job.state() != PrintJob.State.RELEASED) {
            throw new NotFoundException("job");
        }
        return job;
    }

    /** Colour and black-and-white pages; all of the job's colour when the device did not split them. */
    private static int[] pages(PrintOutcome outcome, JobTicket.ColorMode released) {
        check("pagesPrinted", outcome.pagesPrinted());
        check("colorPages", outcome.colorPages());
        check("monochromePages", outcome.monochromePages());
        if (outcome.colorPages() == 0 && outcome.monochromePages() == 0) {
            return released == JobTicket.ColorMode.COLOR ? new int[] {outcome.pagesPrinted(), 0} : new int[] {0, outcome.pagesPrinted()};
        }
        if (outcome.colorPages() + outcome.monochromePages() != outcome.pagesPrinted()) {
            throw new InvalidInputException("pagesPrinted", "problem.outcome.pageSum",
                    "colorPages + monochromePages must equal pagesPrinted (or both be 0)");
        }
        return new int[] {outcome.colorPages(), outcome.monochromePages()};
    }

    private static void check(String field, int pages) {
        if (pages < 0 || pages > MAX_REPORTED_PAGES) {
            throw new InvalidInputException(field, "problem.outcome.pageRange", field + " must be between 0 and " + MAX_REPORTED_PAGES, field, MAX_REPORTED_PAGES);
        }
    }

    private static String clean(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String printable = message.strip().replaceAll("\\p{Cntrl}", " ");
        return printable.length() > MAX_MESSAGE ? printable.substring(0, MAX_MESSAGE) : printable;
    }
}
