package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.opencps.ipp.internal.IppProperties;
import org.opencps.ipp.internal.persistence.IppJobStore;
import org.opencps.ipp.internal.persistence.IppJobStore.Row;
import org.opencps.ipp.internal.persistence.IppJobStore.State;
import org.opencps.ipp.internal.persistence.IppJobStore.Ticket;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.springframework.stereotype.Component;

/**
 * Print-Job and Send-Document: the operations that carry a document. The document streams from
 * the request straight into {@link PrintJobs#submit}; the IPP job row is written in the transaction
 * that records the print job, so both commit together and a refused document leaves no job behind.
 */
@Component
public class DocumentOperations {

    private final PrintJobs printJobs;
    private final IppJobStore jobs;
    private final JobOperations jobOperations;
    private final Clock clock;
    private final long maxDocumentSize;

    DocumentOperations(PrintJobs printJobs, IppJobStore jobs, JobOperations jobOperations, Clock clock, IppProperties properties) {
        this.printJobs = printJobs;
        this.jobs = jobs;
        this.jobOperations = jobOperations;
        this.clock = clock;
        this.maxDocumentSize = properties.maxDocumentSize().toBytes();
    }

    IppPacket printJob(IppContext context, IppRequest request) throws IOException {
        var parsed = JobTemplate.parse(request);
        DocumentData data = DocumentData.open(request.document(), new RequestAttributes(request.operationAttributes()), maxDocumentSize);
        var row = new AtomicReference<Row>();
        PrintJob job = submit(context, parsed.ticket(), data, created -> row.set(jobs.insert(context.queue().orgId(),
                context.queue().id(), created.id(), State.SUBMITTED, parsed.ticket(), clock.instant())));
        return JobOperations.ok(request, parsed.unsupported())
                .putJobAttributes(JobAttributes.created(context, JobView.of(row.get(), job, clock.instant(), JobOperations.DOCUMENT_TIME_OUT)))
                .build();
    }

    IppPacket sendDocument(IppContext context, IppRequest request) throws IOException {
        var operation = new RequestAttributes(request.operationAttributes());
        Row row = jobOperations.find(context, request);
        boolean last = operation.required(Types.lastDocument);
        DocumentData.checkFormat(operation);
        DocumentData.checkCompression(operation);
        if (!last) {
            throw new IppStatusException(Status.serverErrorMultipleDocumentJobsNotSupported,
                    "a job holds one document: send it with last-document=true");
        }
        JobView view = jobOperations.view(context, row);
        var queue = context.queue();
        if (!view.open() || !jobs.transition(queue.orgId(), queue.id(), row.number(), State.OPEN, State.RECEIVING, null, clock.instant())) {
            throw new IppStatusException(Status.clientErrorNotPossible,
                    view.terminal() ? "the job has already ended" : "the job already has its document");
        }
        PrintJob job;
        try {
            job = submit(context, row.ticket(), DocumentData.open(request.document(), operation, maxDocumentSize), created -> {
                if (!jobs.transition(queue.orgId(), queue.id(), row.number(), State.RECEIVING, State.SUBMITTED, created.id(), clock.instant())) {
                    throw new IppStatusException(Status.serverErrorJobCanceled, "the job was canceled while its document arrived");
                }
            });
        } catch (IOException | RuntimeException e) {
            jobs.transition(queue.orgId(), queue.id(), row.number(), State.RECEIVING, State.ABORTED, null, clock.instant());
            throw e;
        }
        Instant now = clock.instant();
        Row submitted = new Row(row.orgId(), row.queueId(), row.number(), job.id(), State.SUBMITTED, row.ticket(), row.createdAt(), now);
        return JobOperations.ok(request, java.util.List.of())
                .putJobAttributes(JobAttributes.created(context, JobView.of(submitted, job, now, JobOperations.DOCUMENT_TIME_OUT)))
                .build();
    }

    /** The print job, with {@code record} run in the transaction that records it. */
    private PrintJob submit(IppContext context, Ticket ticket, DocumentData data, Consumer<PrintJob> record) {
        var jobTicket = new JobTicket(ticket.name(), data.format(), ticket.copies(), ticket.sides(), ticket.colorMode(),
                ticket.media(), JobTicket.Source.IPP);
        try {
            return printJobs.submit(context.requireActor(), jobTicket, data, record);
        } catch (RuntimeException e) {
            throw data.failure().map(RuntimeException.class::cast).orElse(e);
        }
    }
}
