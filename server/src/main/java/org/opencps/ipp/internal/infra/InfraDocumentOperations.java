package org.opencps.ipp.internal.infra;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.DocumentState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.opencps.ipp.internal.infra.InfraJobs.InfraJob;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.IppStatusException;
import org.opencps.ipp.internal.protocol.RequestAttributes;
import org.opencps.printing.PrintReleases;
import org.opencps.printing.Release;
import org.springframework.stereotype.Component;

/**
 * The document side of PWG 5100.18. Every OpenCPS job has one document, sent as it was stored
 * (PDF, JPEG, PWG raster or URF), decrypted while it streams and never held in memory.
 */
@Component
class InfraDocumentOperations {

    private static final int THE_DOCUMENT = 1;

    private final InfraJobOperations jobs;
    private final PrintReleases releases;

    InfraDocumentOperations(InfraJobOperations jobs, PrintReleases releases) {
        this.jobs = jobs;
        this.releases = releases;
    }

    /** A response followed by document data (Fetch-Document), or by nothing. */
    record Answer(IppPacket packet, InputStream document) {

        static Answer of(IppPacket packet) {
            return new Answer(packet, null);
        }
    }

    Answer fetchDocument(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        Release release = released(context, operation);
        String format = release.format().mediaType();
        List<String> accepted = operation.all(Types.documentFormatAccepted);
        if (!accepted.isEmpty() && !accepted.contains(format) && !accepted.contains("application/octet-stream")) {
            throw new IppStatusException(Status.clientErrorDocumentFormatNotSupported,
                    "the document is " + format + ", which is not among the formats this printer accepts",
                    List.<Attribute<?>>of(Types.documentFormatAccepted.of(accepted)));
        }
        var packet = IppResponses.response(request, Status.successfulOk, null)
                .putOperationAttributes(Types.documentFormat.of(format), Types.compression.of("none"),
                        Types.documentNumber.of(THE_DOCUMENT))
                .build();
        return new Answer(packet, releases.releasedDocument(release.orgId(), release.device(), release.jobId()));
    }

    IppPacket acknowledgeDocument(InfraContext context, IppRequest request) {
        released(context, new RequestAttributes(request.operationAttributes()));
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    IppPacket updateDocumentStatus(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        jobs.job(context, operation);
        document(operation);
        return IppResponses.response(request, Status.successfulOk, null).build();
    }

    IppPacket getDocumentAttributes(InfraContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        InfraJob job = jobs.job(context, operation);
        document(operation);
        return IppResponses.response(request, Status.successfulOk, null).putDocumentAttributes(describe(context, job)).build();
    }

    IppPacket getDocuments(InfraContext context, IppRequest request) {
        InfraJob job = jobs.job(context, new RequestAttributes(request.operationAttributes()));
        return IppResponses.response(request, Status.successfulOk, null).putDocumentAttributes(describe(context, job)).build();
    }

    private Release released(InfraContext context, RequestAttributes operation) {
        InfraJob job = jobs.job(context, operation);
        document(operation);
        if (job.release() == null) {
            // PWG 5100.18: a job the printer knows but may no longer fetch is not-fetchable
            throw new IppStatusException(Status.clientErrorNotFetchable, "job " + job.number() + " is no longer waiting to be printed");
        }
        return job.release();
    }

    private static void document(RequestAttributes operation) {
        int number = operation.single(Types.documentNumber).orElse(THE_DOCUMENT);
        if (number != THE_DOCUMENT) {
            throw new IppStatusException(Status.clientErrorNotFound, "an OpenCPS job has one document, number 1");
        }
    }

    private static List<Attribute<?>> describe(InfraContext context, InfraJob job) {
        var attributes = new ArrayList<Attribute<?>>();
        attributes.add(Types.documentNumber.of(THE_DOCUMENT));
        attributes.add(Types.documentJobId.of(job.number()));
        attributes.add(Types.documentPrinterUri.of(context.printerUri()));
        attributes.add(Types.documentState.of(job.release() == null ? DocumentState.completed
                : job.fetchable() ? DocumentState.pending : DocumentState.processing));
        if (job.release() != null) {
            attributes.add(Types.documentFormat.of(job.release().format().mediaType()));
            attributes.add(Types.impressions.of(job.release().pages()));
        }
        return attributes;
    }
}
