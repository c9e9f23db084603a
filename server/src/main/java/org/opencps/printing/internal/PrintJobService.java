package org.opencps.printing.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.documents.DocumentId;
import org.opencps.documents.Documents;
import org.opencps.documents.StoredDocument;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.io.LimitedInputStream;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.DocumentFormatNotAllowedException;
import org.opencps.printing.DocumentTooLargeException;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobDeleted;
import org.opencps.printing.PrintJobSubmitted;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.PrintSettings;
import org.opencps.printing.internal.pages.PageCounter;
import org.opencps.printing.internal.persistence.DeviceSync;
import org.opencps.printing.internal.persistence.JobStore;
import org.opencps.printing.internal.persistence.PrintSettingsStore;
import org.opencps.tenancy.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Held print jobs. Submitting stores the document (durably) and counts its pages before the job
 * row is committed, and answers only once that commit is on the device (H2 syncs it, in groups;
 * see DeviceSync): an acknowledged job survives a crash and the loss of the page cache, and a
 * crash before it leaves at most an orphan document for the sweep. Documents of finished jobs
 * are deleted right after the commit that finishes them.
 */
@Service
class PrintJobService implements PrintJobs {

    private static final Logger log = LoggerFactory.getLogger(PrintJobService.class);
    /** Documents up to this size have their pages counted from a copy kept while they were stored. */
    static final int SMALL_DOCUMENT = 1024 * 1024;

    private final AccessPolicy policy;
    private final Documents documents;
    private final Organizations organizations;
    private final JobStore jobs;
    private final PrintSettingsStore settings;
    private final TicketRules tickets;
    private final PageCounter pageCounter;
    private final PrintingProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Null when a commit is on the device as it returns (PostgreSQL, H2 in memory). */
    private final GroupSync durable;

    PrintJobService(AccessPolicy policy, Documents documents, Organizations organizations, JobStore jobs,
                    PrintSettingsStore settings, PrintingProperties properties, TransactionTemplate transactions,
                    ApplicationEventPublisher events, Clock clock, DeviceSync deviceSync) {
        this.policy = policy;
        this.documents = documents;
        this.organizations = organizations;
        this.jobs = jobs;
        this.settings = settings;
        this.tickets = new TicketRules();
        this.pageCounter = new PageCounter(new PageCounter.Limits(properties.maxPages(), properties.maxPdfTreeDepth(),
                properties.maxPdfObjects(), properties.maxRasterWidth(), properties.maxRasterHeight(),
                properties.maxRasterPageSize().toBytes(), properties.maxJpegDimension()));
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.durable = deviceSync.needsSync() ? new GroupSync(deviceSync::sync) : null;
    }

    @Override
    public PrintJob submit(Actor actor, JobTicket ticket, InputStream document, Consumer<PrintJob> inSameTransaction) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        JobTicket valid = tickets.validate(ticket);
        PrintSettings orgSettings = settings.find(org);
        if (!orgSettings.allows(valid.format())) {
            throw new DocumentFormatNotAllowedException(valid.format(), orgSettings.allowedFormats());
        }
        long limit = properties.maxDocumentSize().toBytes();
        var copy = new SmallCopy(new LimitedInputStream(document, limit, () -> new DocumentTooLargeException(limit)), SMALL_DOCUMENT);
        StoredDocument stored = documents.store(org, copy);
        PrintJob job;
        try {
            byte[] whole = copy.whole();
            int pages = whole != null ? pageCounter.count(valid.format(), whole)
                    : pageCounter.count(valid.format(), () -> documents.open(org, stored.id()), () -> documents.openSeekable(org, stored.id()));
            boolean hold = orgSettings.holdJobs();
            Instant now = clock.instant();
            job = new PrintJob(org, JobId.random(), actor.userId(), valid.name(), valid.format(), stored.size(), pages,
                    valid.copies(), valid.sides(), valid.colorMode(), valid.media(), valid.source(),
                    hold ? PrintJob.State.HELD : PrintJob.State.COMPLETED, now, now.plus(organizations.jobRetention(org)));
            transactions.executeWithoutResult(status -> {
                jobs.insert(job, hold ? stored.id() : null);
                events.publishEvent(new PrintJobSubmitted(org, job.id(), job.owner(), job.format(), job.size(),
                        job.pages(), job.state(), job.source(), now));
                inSameTransaction.accept(job);
            });
        } catch (RuntimeException | Error e) {
            deleteQuietly(org, stored.id());
            throw e;
        }
        if (durable != null) {
            // the answer waits until the row is on the device, as the document already is
            durable.awaitSynced();
        }
        if (job.state() != PrintJob.State.HELD) {
            deleteQuietly(org, stored.id());
        }
        return job;
    }

    @Override
    public Set<DocumentFormat> acceptedFormats(Actor actor) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        return settings.find(org).allowedFormats();
    }

    @Override
    public Optional<Instant> settingsChangedAt(Actor actor) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        return settings.changedAt(org);
    }

    @Override
    public List<PrintJob> mine(Actor actor) {
        OrgId org = actor.requireOrganization();
        policy.require(actor, Permission.JOBS_OWN, org);
        return jobs.ofOwner(org, actor.userId());
    }

    @Override
    public PrintJob get(Actor actor, JobId id) {
        return own(actor, id).job();
    }

    @Override
    public void delete(Actor actor, JobId id) {
        JobStore.Row row = own(actor, id);
        boolean canceled = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!jobs.finish(row.job().orgId(), id, PrintJob.State.HELD, PrintJob.State.CANCELED)) {
                return false;
            }
            events.publishEvent(new PrintJobDeleted(row.job().orgId(), id, row.job().owner(), clock.instant()));
            return true;
        }));
        if (!canceled) {
            PrintJob.State now = jobs.find(row.job().orgId(), id).map(r -> r.job().state()).orElse(PrintJob.State.CANCELED);
            throw new ConflictException("state", "problem.job.notCancelable",
                    "the job is " + now.name().toLowerCase(Locale.ROOT) + " and can no longer be canceled",
                    new DefaultMessageSourceResolvable("jobState." + now.name()));
        }
        if (row.document() != null) {
            deleteQuietly(row.job().orgId(), row.document());
        }
    }

    @Override
    public InputStream document(Actor actor, JobId id) {
        JobStore.Row row = own(actor, id);
        if (row.document() == null) {
            throw new NotFoundException("document");
        }
        return documents.open(row.job().orgId(), row.document());
    }

    /** The job, if the actor owns it and works in its organization; 404 otherwise, whoever asks. */
    private JobStore.Row own(Actor actor, JobId id) {
        OrgId org = actor.orgId();
        JobStore.Row row = org == null ? null : jobs.find(org, id).orElse(null);
        if (row == null) {
            throw new NotFoundException("job");
        }
        policy.requireOwnJob(actor, org, row.job().owner());
        return row;
    }

    private void deleteQuietly(OrgId org, DocumentId document) {
        try {
            documents.delete(org, document);
        } catch (RuntimeException e) {
            log.warn("Could not delete document {} of {}; the orphan sweep will", document, org, e);
        }
    }
}
