package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks what every request must carry (RFC 8011 §4.1) and hands it to its operation. Every
 * outcome is an IPP response: errors become IPP status codes, never an HTTP error.
 */
@Component
public class IppDispatcher {

    public static final int GET_PRINTER_ATTRIBUTES = 0x000B;
    private static final Set<String> CHARSETS = Set.of("utf-8", "us-ascii");

    private final PrinterAttributes printer;
    private final JobOperations jobs;
    private final DocumentOperations documents;

    IppDispatcher(PrinterAttributes printer, JobOperations jobs, DocumentOperations documents) {
        this.printer = printer;
        this.jobs = jobs;
        this.documents = documents;
    }

    public IppPacket handle(IppContext context, IppRequest request) {
        try {
            checkOperationAttributes(request);
            if (request.operationCode() != GET_PRINTER_ATTRIBUTES) {
                context.requireActor();
            }
            return switch (request.operationCode()) {
                case 0x0002 -> documents.printJob(context, request);
                case 0x0004 -> jobs.validateJob(context, request);
                case 0x0005 -> jobs.createJob(context, request);
                case 0x0006 -> documents.sendDocument(context, request);
                case 0x0008 -> jobs.cancelJob(context, request);
                case 0x0009 -> jobs.getJobAttributes(context, request);
                case 0x000A -> jobs.getJobs(context, request);
                case GET_PRINTER_ATTRIBUTES -> getPrinterAttributes(context, request);
                case 0x000C -> jobs.holdJob(context, request);
                case 0x000D -> jobs.releaseJob(context, request);
                case 0x0039 -> jobs.cancelMyJobs(context, request);
                case 0x003B -> jobs.closeJob(context, request);
                case 0x003C -> IppResponses.response(request, Status.successfulOk, "there is no device to identify").build();
                default -> throw new IppStatusException(Status.serverErrorOperationNotSupported,
                        "operation 0x" + Integer.toHexString(request.operationCode()) + " is not supported");
            };
        } catch (Exception e) {
            return IppErrors.answer(request, e);
        }
    }

    /** The answer to a request that could not even be read. */
    public IppPacket malformed(MalformedIppRequest e) {
        return IppResponses.error(e.versionNumber(), e.requestId(), e.status(), e.getMessage(), List.of());
    }

    private IppPacket getPrinterAttributes(IppContext context, IppRequest request) {
        var operation = new RequestAttributes(request.operationAttributes());
        String declared = DocumentData.checkFormat(operation);
        var accepted = jobs.acceptedFormats(context);
        JobOperations.requireAccepted(declared, accepted);
        List<String> requested = operation.all(Types.requestedAttributes);
        int queued = context.actor() == null ? 0 : jobs.queuedJobCount(context);
        return IppResponses.response(request, Status.successfulOk, null)
                .putPrinterAttributes(printer.attributes(context, queued, requested, accepted,
                        jobs.settingsChangedAt(context).orElse(null)))
                .build();
    }

    /** request-id, then attributes-charset and attributes-natural-language first, and a target. */
    public static void checkOperationAttributes(IppRequest request) {
        if (request.requestId() <= 0) {
            throw new IppStatusException(Status.clientErrorBadRequest, "request-id must be 1 or more");
        }
        List<AttributeGroup> groups = request.packet().getAttributeGroups();
        if (groups.isEmpty() || !groups.get(0).getTag().equals(Tag.operationAttributes)
                || groups.stream().filter(group -> group.getTag().equals(Tag.operationAttributes)).count() != 1) {
            throw new IppStatusException(Status.clientErrorBadRequest, "the request needs one operation attributes group, first");
        }
        AttributeGroup operation = groups.get(0);
        if (operation.size() < 2 || !operation.get(0).getName().equals(Types.attributesCharset.getName())
                || !operation.get(1).getName().equals(Types.attributesNaturalLanguage.getName())) {
            throw new IppStatusException(Status.clientErrorBadRequest,
                    "attributes-charset and attributes-natural-language must come first");
        }
        var attributes = new RequestAttributes(operation);
        String charset = attributes.required(Types.attributesCharset);
        attributes.required(Types.attributesNaturalLanguage);
        if (!CHARSETS.contains(charset.toLowerCase(java.util.Locale.ROOT))) {
            throw new IppStatusException(Status.clientErrorCharsetNotSupported, "only utf-8 is supported",
                    List.<Attribute<?>>of(Types.attributesCharset.of(charset)));
        }
        if (attributes.single(Types.printerUri).isEmpty() && attributes.single(Types.jobUri).isEmpty()
                && attributes.single(Types.systemUri).isEmpty()) {
            throw new IppStatusException(Status.clientErrorBadRequest, "printer-uri or job-uri is missing");
        }
    }

}
