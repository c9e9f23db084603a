package org.opencps.printing.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencps.access.AccessPolicy;
import org.opencps.access.JobFacts;
import org.opencps.access.Permission;
import org.opencps.documents.DocumentId;
import org.opencps.documents.Documents;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobReleased;
import org.opencps.printing.PrintOutcome;
import org.opencps.printing.PrintReleaseRefused;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.QuotaExceededException;
import org.opencps.printing.PrintSettings;
import org.opencps.printing.Release;
import org.opencps.printing.ReleaseOptions;
import org.opencps.printing.ReleaseRules;
import org.opencps.printing.internal.persistence.JobStore;
import org.opencps.printing.internal.persistence.PrintSettingsStore;
import org.opencps.printing.internal.persistence.QuotaStore.Counter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Release of held jobs to devices. A release is one transaction: the job row is locked and must
 * be HELD, every quota that applies is charged (or none is), and the job becomes RELEASED; call it
 * outside a transaction of your own, so that each release commits, or is refused, by itself.
 * Outcomes are handled by {@link OutcomeRecorder}.
 */
@Service
class ReleaseService implements PrintReleases {

    private static final int LOCK_ATTEMPTS = 3;

    private final AccessPolicy policy;
    private final Documents documents;
    private final JobStore jobs;
    private final PrintSettingsStore settings;
    private final QuotaLedger ledger;
    private final OutcomeRecorder outcomes;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReleaseService(AccessPolicy policy, Documents documents, JobStore jobs, PrintSettingsStore settings, QuotaLedger ledger,
                   OutcomeRecorder outcomes, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.documents = documents;
        this.jobs = jobs;
        this.settings = settings;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Release release(Actor person, JobId id, DeviceId device, ReleaseOptions options) {
        OrgId org = person.orgId();
        JobStore.Row row = org == null ? null : jobs.find(org, id).orElse(null);
        if (row == null) {
            throw new NotFoundException("job");
        }
        policy.requireOwnJob(person, org, row.job().owner());
        if (device == null) {
            throw new NotFoundException("device");
        }
        requireHeld(row.job());
        ReleasePolicy.Ticket ticket;
        try {
            ticket = ReleasePolicy.apply(row.job(), options, settings.find(org));
        } catch (InvalidInputException refused) {
            if (ReleasePolicy.isPolicyRefusal(refused)) {
                refused(org, id, row.job().owner(), device, PrintReleaseRefused.Reason.POLICY);
            }
            throw refused;
        }
        Instant now = clock.instant();
        List<Counter> counters = ledger.countersFor(org, row.job().owner(), now);
        for (int attempt = 1; ; attempt++) {
            try {
                return charge(org, id, device, ticket, counters, now);
            } catch (PessimisticLockingFailureException busy) {
                if (attempt == LOCK_ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw busy;
                }
            } catch (QuotaExceededException overQuota) {
                refused(org, id, row.job().owner(), device, PrintReleaseRefused.Reason.OVER_QUOTA);
                throw overQuota;
            }
        }
    }

    /** Tells reports of a refused release; the release's own transaction rolled back, so this one is separate. */
    private void refused(OrgId org, JobId id, org.opencps.platform.ids.UserId owner, DeviceId device,
                         PrintReleaseRefused.Reason reason) {
        transactions.executeWithoutResult(status ->
                events.publishEvent(new PrintReleaseRefused(org, id, owner, device, reason, clock.instant())));
    }

    /** The transaction of a release; a lock wait that times out (many releases on one group pool) is tried again. */
    private Release charge(OrgId org, JobId id, DeviceId device, ReleasePolicy.Ticket ticket, List<Counter> counters,
                           Instant now) {
        return transactions.execute(status -> {
            PrintJob job = jobs.findForUpdate(org, id).orElseThrow(() -> new NotFoundException("job")).job();
            requireHeld(job);
            ledger.charge(org, id, counters, ticket.color(), ticket.chargedPages());
            if (!jobs.release(org, id, device, now, ticket.copies(), ticket.colorMode(), ticket.sides(), ticket.chargedPages())) {
                throw new ConflictException("state", "problem.release.notHeld", "the job is no longer held");
            }
            events.publishEvent(new PrintJobReleased(org, id, job.owner(), device, ticket.chargedPages(), ticket.colorMode(), now));
            return new Release(org, id, job.owner(), job.name(), job.format(), job.pages(), ticket.copies(), ticket.colorMode(),
                    ticket.sides(), job.media(), ticket.chargedPages(), device, now);
        });
    }

    @Override
    public ReleaseRules releaseRules(Actor person) {
        OrgId org = person.requireOrganization();
        policy.require(person, Permission.JOBS_OWN, org);
        PrintSettings current = settings.find(org);
        return new ReleaseRules(current.forceMonochrome(), current.forceDuplex(), current.maxPagesPerJob());
    }

    @Override
    public List<Release> releasedTo(OrgId org, DeviceId device) {
        return jobs.releasedTo(org, device).stream().map(row -> release(row.job())).toList();
    }

    @Override
    public Release released(OrgId org, DeviceId device, JobId id) {
        return release(releasedHere(org, device, org == null ? Optional.empty() : jobs.find(org, id)).job());
    }

    @Override
    public InputStream releasedDocument(OrgId org, DeviceId device, JobId id) {
        // under the job's row lock, as the release timeout's check: a job being fetched is never held again
        DocumentId document = transactions.execute(status -> {
            JobStore.Row row = releasedHere(org, device, org == null ? Optional.empty() : jobs.findForUpdate(org, id));
            if (row.document() == null) {
                throw new NotFoundException("job");
            }
            jobs.markFetched(org, id, clock.instant());
            return row.document();
        });
        return documents.open(org, document);
    }

    @Override
    public void reportOutcome(OrgId org, DeviceId device, JobId id, PrintOutcome outcome) {
        outcomes.report(org, device, id, outcome);
    }

    private static void requireHeld(PrintJob job) {
        if (job.state() != PrintJob.State.HELD) {
            throw new ConflictException("state", "problem.release.onlyHeld",
                    "the job is " + job.state().name().toLowerCase(Locale.ROOT) + ", not held; only held jobs can be released",
                    new DefaultMessageSourceResolvable("jobState." + job.state().name()));
        }
    }

    /** The job's row if it is released to this device (the access policy's rule) and not yet reported; 404 otherwise. */
    private JobStore.Row releasedHere(OrgId org, DeviceId device, Optional<JobStore.Row> found) {
        policy.requireReleasedTo(org, device, found.map(ReleaseService::facts).orElse(null));
        return found.filter(row -> row.job().state() == PrintJob.State.RELEASED).orElseThrow(() -> new NotFoundException("job"));
    }

    /** The job as the access policy sees it; null for none. */
    static JobFacts facts(JobStore.Row row) {
        if (row == null) {
            return null;
        }
        PrintJob job = row.job();
        return new JobFacts(job.orgId(), job.owner(), job.delivery() == null ? null : job.delivery().device());
    }

    static Release release(PrintJob job) {
        PrintJob.Delivery delivery = job.delivery();
        return new Release(job.orgId(), job.id(), job.owner(), job.name(), job.format(), job.pages(), delivery.copies(),
                delivery.colorMode(), delivery.sides(), job.media(), delivery.countedPages(), delivery.device(),
                delivery.releasedAt());
    }
}
