package org.opencps.ipp.internal.infra;

import com.hp.jipp.model.Status;
import org.opencps.ipp.internal.infra.InfraDocumentOperations.Answer;
import org.opencps.ipp.internal.protocol.IppDispatcher;
import org.opencps.ipp.internal.protocol.IppErrors;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppStatusException;
import org.springframework.stereotype.Component;

/** Hands an Infrastructure Printer request to its operation; every outcome is an IPP response. */
@Component
class InfraDispatcher {

    private final InfraPrinterOperations printer;
    private final InfraJobOperations jobs;
    private final InfraDocumentOperations documents;
    private final InfraSubscriptions subscriptions;
    private final InfraNotifications notifications;

    InfraDispatcher(InfraPrinterOperations printer, InfraJobOperations jobs, InfraDocumentOperations documents,
                    InfraSubscriptions subscriptions, InfraNotifications notifications) {
        this.printer = printer;
        this.jobs = jobs;
        this.documents = documents;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
    }

    Answer handle(InfraContext context, IppRequest request) {
        try {
            IppDispatcher.checkOperationAttributes(request);
            if (request.operationCode() == 0x0042) {
                return documents.fetchDocument(context, request);
            }
            return Answer.of(switch (request.operationCode()) {
                case 0x0009 -> jobs.getJobAttributes(context, request);
                case 0x000A -> jobs.getJobs(context, request);
                case 0x000B -> printer.getPrinterAttributes(context, request);
                case 0x0015 -> printer.getPrinterSupportedValues(context, request);
                case 0x0016 -> subscriptions.create(context, request);
                case 0x0018 -> subscriptions.getAttributes(context, request);
                case 0x0019 -> subscriptions.list(context, request);
                case 0x001A -> subscriptions.renew(context, request);
                case 0x001B -> subscriptions.cancel(context, request);
                case 0x001C -> notifications.getNotifications(context, request);
                case 0x0034 -> documents.getDocumentAttributes(context, request);
                case 0x0035 -> documents.getDocuments(context, request);
                case 0x003F -> documents.acknowledgeDocument(context, request);
                case 0x0040 -> printer.acknowledgeIdentifyPrinter(context, request);
                case 0x0041 -> jobs.acknowledgeJob(context, request);
                case 0x0043 -> jobs.fetchJob(context, request);
                case 0x0044 -> printer.getOutputDeviceAttributes(context, request);
                case 0x0045 -> jobs.updateActiveJobs(context, request);
                case 0x0046 -> printer.deregisterOutputDevice(context, request);
                case 0x0047 -> documents.updateDocumentStatus(context, request);
                case 0x0048 -> jobs.updateJobStatus(context, request);
                case 0x0049 -> printer.updateOutputDeviceAttributes(context, request);
                default -> throw new IppStatusException(Status.serverErrorOperationNotSupported, "operation 0x"
                        + Integer.toHexString(request.operationCode()) + " is not supported by an Infrastructure Printer");
            });
        } catch (Exception e) {
            return Answer.of(IppErrors.answer(request, e));
        }
    }
}
