package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencps.ipp.internal.persistence.IppJobStore;
import org.opencps.ipp.internal.persistence.IppJobStore.Row;
import org.opencps.ipp.internal.persistence.IppJobStore.State;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.DocumentFormatNotAllowedException;
import org.opencps.printing.JobId;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.springframework.stereotype.Component;

/**
 * Validate-Job, Create-Job, Get-Job-Attributes, Get-Jobs, Cancel-Job, Cancel-My-Jobs, Hold-Job,
 * Release-Job and Close-Job. Jobs are held until their owner releases them at a printer, so
 * Hold-Job leaves a job as it is and Release-Job leaves it held.
 */
@Component
public class JobOperations {

    /** How long a Create-Job waits for its Send-Document before it is aborted. */
    public static final int MULTIPLE_OPERATION_TIME_OUT_SECONDS = 120;
    static final Duration DOCUMENT_TIME_OUT = Duration.ofSeconds(MULTIPLE_OPERATION_TIME_OUT_SECONDS);
    /** Get-Jobs looks at most at this many of the queue's newest jobs. */
    static final int MAX_LISTED_JOBS = 500;

    private final PrintJobs printJobs;
    private final IppJobStore jobs;
    private final Clock clock;

    JobOperations(PrintJobs printJobs, IppJobStore jobs, Clock clock) {
        this.printJobs = printJobs;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** As Print-Job would answer, without a document: a declared format the organization refuses is refused the same way. */
    IppPacket validateJob(IppContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        String declared = DocumentData.checkFormat(operation);
        DocumentData.checkCompression(operation);
        var parsed = JobTemplate.parse(request);
        requireAccepted(declared, acceptedFormats(context));
        return ok(request, parsed.unsupported()).build();
    }

    /** The formats the queue owner's organization accepts, as its policy says now. */
    Set<DocumentFormat> acceptedFormats(IppContext context) {
        return printJobs.acceptedFormats(context.owner());
    }

    /** When the queue owner's organization last changed its print settings, if ever. */
    Optional<Instant> settingsChangedAt(IppContext context) {
        return printJobs.settingsChangedAt(context.owner());
    }

    /**
     * Refuses a declared format the organization does not accept, with the refusal Print-Job gets
     * from {@link PrintJobs#submit}; {@code declared} null (none, or application/octet-stream) passes.
     */
    static void requireAccepted(String declared, Set<DocumentFormat> accepted) {
        DocumentFormat format = declared == null ? null : DocumentFormat.ofMediaType(declared).orElseThrow();
        if (format != null && !accepted.contains(format)) {
            throw new DocumentFormatNotAllowedException(format, accepted);
        }
    }

    IppPacket createJob(IppContext context, IppRequest request) {
        var parsed = JobTemplate.parse(request);
        Row row = jobs.insert(context.queue().orgId(), context.queue().id(), null, State.OPEN, parsed.ticket(), clock.instant());
        return ok(request, parsed.unsupported())
                .putJobAttributes(JobAttributes.created(context, view(context, row)))
                .build();
    }

    IppPacket getJobAttributes(IppContext context, IppRequest request) {
        JobView job = view(context, find(context, request));
        var requested = new RequestAttributes(request.operationAttributes()).all(Types.requestedAttributes);
        return ok(request, List.of()).putJobAttributes(JobAttributes.attributes(context, job, requested, clock.instant())).build();
    }

    IppPacket getJobs(IppContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        String which = operation.single(Types.whichJobs).orElse("not-completed");
        if (!PrinterCapabilities.WHICH_JOBS.contains(which)) {
            throw new IppStatusException(Status.clientErrorAttributesOrValuesNotSupported, "which-jobs '" + which + "' is not supported",
                    List.of(Types.whichJobs.of(which)));
        }
        int limit = operation.single(Types.limit).filter(value -> value > 0).orElse(MAX_LISTED_JOBS);
        List<String> requested = operation.has(Types.requestedAttributes.getName())
                ? operation.all(Types.requestedAttributes) : List.of("job-id", "job-uri");
        Instant now = clock.instant();
        var response = ok(request, List.of());
        int listed = 0;
        for (JobView job : views(context)) {
            boolean matches = which.equals("all") || (which.equals("completed") == job.terminal());
            if (matches && listed++ < limit) {
                response.addGroup(AttributeGroup.groupOf(Tag.jobAttributes, JobAttributes.attributes(context, job, requested, now)));
            }
        }
        return response.build();
    }

    IppPacket cancelJob(IppContext context, IppRequest request) {
        cancel(context, view(context, find(context, request)));
        return ok(request, List.of()).build();
    }

    IppPacket cancelMyJobs(IppContext context, IppRequest request) {
        List<Integer> ids = new RequestAttributes(request.operationAttributes()).all(Types.jobIds);
        List<JobView> chosen = new ArrayList<>();
        if (ids.isEmpty()) {
            views(context).stream().filter(job -> !job.terminal()).forEach(chosen::add);
        } else {
            for (int id : ids) {
                chosen.add(view(context, jobs.find(context.queue().orgId(), context.queue().id(), id)
                        .orElseThrow(() -> new IppStatusException(Status.clientErrorNotFound, "no job " + id + " in this queue"))));
            }
        }
        chosen.forEach(job -> cancel(context, job));
        return ok(request, List.of()).build();
    }

    IppPacket holdJob(IppContext context, IppRequest request) {
        requireNotEnded(view(context, find(context, request)));
        return ok(request, List.of()).build();
    }

    IppPacket releaseJob(IppContext context, IppRequest request) {
        requireNotEnded(view(context, find(context, request)));
        return IppResponses.response(request, Status.successfulOk, "the job stays held until you release it at a printer").build();
    }

    IppPacket closeJob(IppContext context, IppRequest request) {
        JobView job = view(context, find(context, request));
        requireNotEnded(job);
        if (job.open()) {
            var queue = context.queue();
            jobs.transition(queue.orgId(), queue.id(), job.row().number(), State.OPEN, State.ABORTED, null, clock.instant());
        }
        return ok(request, List.of()).build();
    }

    /** Jobs of the queue not yet ended, for queued-job-count. */
    int queuedJobCount(IppContext context) {
        return (int) views(context).stream().filter(job -> !job.terminal()).count();
    }

    /** The job a request names by job-id, or by job-uri on this queue. */
    Row find(IppContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        int number = operation.single(Types.jobId).orElseGet(() -> operation.single(Types.jobUri)
                .map(uri -> numberIn(context, uri))
                .orElseThrow(() -> new IppStatusException(Status.clientErrorBadRequest, "job-id or job-uri is missing")));
        return jobs.find(context.queue().orgId(), context.queue().id(), number)
                .orElseThrow(() -> new IppStatusException(Status.clientErrorNotFound, "no job " + number + " in this queue"));
    }

    JobView view(IppContext context, Row row) {
        PrintJob printJob = null;
        if (row.printJobId() != null) {
            try {
                printJob = printJobs.get(context.requireActor(), row.printJobId());
            } catch (NotFoundException gone) {
                // deleted or purged elsewhere: reported as no longer in OpenCPS
            }
        }
        return JobView.of(row, printJob, clock.instant(), DOCUMENT_TIME_OUT);
    }

    static IppPacket.Builder ok(IppRequest request, List<com.hp.jipp.encoding.Attribute<?>> unsupported) {
        if (unsupported.isEmpty()) {
            return IppResponses.response(request, Status.successfulOk, null);
        }
        return IppResponses.response(request, Status.successfulOkIgnoredOrSubstitutedAttributes, "some attributes were ignored")
                .putAttributes(Tag.unsupportedAttributes, unsupported);
    }

    private List<JobView> views(IppContext context) {
        var queue = context.queue();
        Map<JobId, PrintJob> mine = new HashMap<>();
        printJobs.mine(context.requireActor()).forEach(job -> mine.put(job.id(), job));
        Instant now = clock.instant();
        return jobs.recent(queue.orgId(), queue.id(), MAX_LISTED_JOBS).stream()
                .map(row -> row.printJobId() != null && !mine.containsKey(row.printJobId())
                        ? view(context, row)
                        : JobView.of(row, row.printJobId() == null ? null : mine.get(row.printJobId()), now, DOCUMENT_TIME_OUT))
                .toList();
    }

    private void cancel(IppContext context, JobView job) {
        requireNotEnded(job);
        var queue = context.queue();
        Instant now = clock.instant();
        if (job.row().state() == State.SUBMITTED) {
            if (job.state() == JobView.PROCESSING) {
                throw new IppStatusException(Status.clientErrorNotPossible, "the job is printing");
            }
            printJobs.delete(context.requireActor(), job.row().printJobId());
        }
        if (!jobs.transition(queue.orgId(), queue.id(), job.row().number(), job.row().state(), State.CANCELED, null, now)) {
            throw new IppStatusException(Status.clientErrorNotPossible, "the job changed meanwhile; try again");
        }
    }

    private static void requireNotEnded(JobView job) {
        if (job.terminal()) {
            throw new IppStatusException(Status.clientErrorNotPossible, "the job has already ended");
        }
    }

    /**
     * The job number in a job-uri of this queue. Only the path counts: a client may name the server
     * otherwise than this request's Host header does (CUPS sends "localhost" for 127.0.0.1).
     */
    private static int numberIn(IppContext context, URI jobUri) {
        String prefix = context.printerUri().getRawPath() + "/";
        String text = jobUri.getRawPath() == null ? "" : jobUri.getRawPath();
        if (text.startsWith(prefix) && text.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(text.substring(prefix.length()));
        }
        throw new IppStatusException(Status.clientErrorNotFound, "job-uri does not name a job of this queue");
    }
}
