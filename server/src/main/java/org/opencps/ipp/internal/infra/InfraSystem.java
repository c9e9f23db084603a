package org.opencps.ipp.internal.infra;

import com.hp.jipp.model.PrinterXriSupported;
import com.hp.jipp.model.Status;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Types;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.opencps.ipp.internal.protocol.IppDispatcher;
import org.opencps.ipp.internal.protocol.IppErrors;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.IppStatusException;
import org.opencps.ipp.internal.protocol.RequestAttributes;
import org.springframework.stereotype.Component;

/**
 * The System Service part INFRA needs (PWG 5100.22 Register-Output-Device): tells a proxy the
 * Infrastructure Printer URI of the printer its credential stands for. A printer's own credential
 * names it; an edge agent's names the printer whose device id is the output-device-uuid.
 */
@Component
class InfraSystem {

    static final int REGISTER_OUTPUT_DEVICE = 0x005F;

    IppPacket handle(List<OutputDevice> printers, URI systemUri, boolean secure, IppRequest request) {
        try {
            IppDispatcher.checkOperationAttributes(request);
            if (request.operationCode() != REGISTER_OUTPUT_DEVICE) {
                throw new IppStatusException(Status.serverErrorOperationNotSupported,
                        "the system service here answers Register-Output-Device only");
            }
            var operation = new RequestAttributes(request.operationAttributes());
            URI uuid = operation.required(Types.outputDeviceUuid);
            OutputDevice printer = choose(printers, uuid);
            URI printerUri = systemUri.resolve("/ipp/infra/" + printer.id());
            var xri = new PrinterXriSupported("basic", secure ? "tls" : "none", printerUri);
            return IppResponses.response(request, Status.successfulOk, null)
                    .putPrinterAttributes(Types.printerXriSupported.of(xri), Types.printerUuid.of(URI.create("urn:uuid:" + printer.id())))
                    .build();
        } catch (Exception e) {
            return IppErrors.answer(request, e);
        }
    }

    private static OutputDevice choose(List<OutputDevice> printers, URI uuid) {
        if (printers.size() == 1) {
            return printers.getFirst();
        }
        String id = uuid.toString().toLowerCase(Locale.ROOT).replaceFirst("^urn:uuid:", "");
        return printers.stream().filter(printer -> printer.id().toString().equals(id)).findFirst()
                .orElseThrow(() -> new IppStatusException(Status.clientErrorNotFound,
                        "this credential stands for several printers: send the device id of one as output-device-uuid (urn:uuid:ID)"));
    }
}
