package org.opencps.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.JobId;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;

/**
 * An in-memory {@link PrintJobs} for tests until the printing module's own implementation is
 * merged (then {@link StandInPrintJobs} no longer registers it). Like the real one it lets only
 * the owner in the job's organization see a job, refuses a document that is not what its format
 * says or has too many pages, and holds jobs unless told the organization does not.
 */
public class FakePrintJobs implements PrintJobs {

    /** Beyond this a PDF counts as a bomb, as the real page counter refuses one. */
    public static final int MAX_PAGES = 10_000;

    private final ConcurrentMap<JobId, Stored> jobs = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean holdJobs = true;

    private record Stored(PrintJob job, byte[] document) {
    }

    public FakePrintJobs(Clock clock) {
        this.clock = clock;
    }

    /** Like the organization setting holdJobs=false: jobs complete as soon as they are submitted. */
    public void holdJobs(boolean hold) {
        this.holdJobs = hold;
    }

    public void setState(JobId id, PrintJob.State state) {
        jobs.computeIfPresent(id, (key, stored) -> new Stored(withState(stored.job(), state), stored.document()));
    }

    public void clear() {
        jobs.clear();
    }

    public int count() {
        return jobs.size();
    }

    public int countIn(OrgId org) {
        return (int) jobs.values().stream().filter(stored -> stored.job().orgId().equals(org)).count();
    }

    @Override
    public PrintJob submit(Actor actor, JobTicket ticket, InputStream document, Consumer<PrintJob> inSameTransaction) {
        OrgId org = actor.requireOrganization();
        byte[] bytes;
        try {
            bytes = document.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int pages = pages(ticket.format(), bytes);
        var now = clock.instant();
        var job = new PrintJob(org, JobId.random(), actor.userId(), ticket.name(), ticket.format(), bytes.length, pages,
                ticket.copies(), ticket.sides(), ticket.colorMode(), ticket.media(), ticket.source(),
                holdJobs ? PrintJob.State.HELD : PrintJob.State.COMPLETED, now, now.plus(Duration.ofHours(24)));
        jobs.put(job.id(), new Stored(job, bytes));
        try {
            inSameTransaction.accept(job);
        } catch (RuntimeException e) {
            jobs.remove(job.id());
            throw e;
        }
        return job;
    }

    /** No policy here: every format OpenCPS reads. */
    @Override
    public java.util.Set<DocumentFormat> acceptedFormats(Actor actor) {
        return java.util.Collections.unmodifiableSet(java.util.EnumSet.allOf(DocumentFormat.class));
    }

    /** No policy here, so it never changed. */
    @Override
    public java.util.Optional<java.time.Instant> settingsChangedAt(Actor actor) {
        return java.util.Optional.empty();
    }

    @Override
    public List<PrintJob> mine(Actor actor) {
        return jobs.values().stream().map(Stored::job)
                .filter(job -> job.owner().equals(actor.userId()) && job.orgId().equals(actor.orgId()))
                .sorted(Comparator.comparing(PrintJob::submittedAt)).toList();
    }

    @Override
    public PrintJob get(Actor actor, JobId id) {
        return find(actor, id).job();
    }

    @Override
    public void delete(Actor actor, JobId id) {
        find(actor, id);
        jobs.remove(id);
    }

    @Override
    public InputStream document(Actor actor, JobId id) {
        return new ByteArrayInputStream(find(actor, id).document());
    }

    private Stored find(Actor actor, JobId id) {
        Stored stored = jobs.get(id);
        if (stored == null || !stored.job().owner().equals(actor.userId()) || !stored.job().orgId().equals(actor.orgId())) {
            throw new NotFoundException("job");
        }
        return stored;
    }

    private static int pages(DocumentFormat format, byte[] bytes) {
        String magic = switch (format) {
            case PDF -> "%PDF-";
            case JPEG -> "\u00ff\u00d8\u00ff";
            case PWG_RASTER -> "RaS2";
            case URF -> "UNIRAST";
        };
        byte[] expected = magic.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < expected.length || !Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length)) {
            throw new InvalidDocumentException("the document is not " + format.mediaType());
        }
        if (format != DocumentFormat.PDF) {
            return 1;
        }
        try (var pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            if (pages < 1 || pages > MAX_PAGES) {
                throw new InvalidDocumentException("a PDF has 1 to " + MAX_PAGES + " pages");
            }
            return pages;
        } catch (IOException | RuntimeException e) {
            throw e instanceof InvalidDocumentException invalid ? invalid : new InvalidDocumentException("the PDF cannot be read");
        }
    }

    private static PrintJob withState(PrintJob job, PrintJob.State state) {
        return new PrintJob(job.orgId(), job.id(), job.owner(), job.name(), job.format(), job.size(), job.pages(), job.copies(),
                job.sides(), job.colorMode(), job.media(), job.source(), state, job.submittedAt(), job.expiresAt());
    }
}
