package org.opencps.ipp.internal.protocol;

import com.hp.jipp.encoding.Attribute;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.opencps.printing.DocumentFormatNotAllowedException;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.InvalidDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a failed operation is answered: every outcome is an IPP status, never an HTTP error. */
public final class IppErrors {

    private static final Logger log = LoggerFactory.getLogger(IppErrors.class);

    private IppErrors() {
    }

    public static IppPacket answer(IppRequest request, Exception failure) {
        return switch (failure) {
            case IppStatusException e -> error(request, e.status(), e.getMessage(), e.unsupported());
            case DocumentFormatNotAllowedException e -> error(request, Status.clientErrorDocumentFormatNotSupported,
                    e.getMessage(), List.of(Types.documentFormat.of(e.format().mediaType())));
            case DocumentLimitExceededException e -> error(request, Status.clientErrorRequestEntityTooLarge, e.getMessage(), List.of());
            case InvalidDocumentException e -> error(request, Status.clientErrorDocumentFormatError, e.getMessage(), List.of());
            case NotFoundException e -> error(request, Status.clientErrorNotFound, e.getMessage(), List.of());
            case ForbiddenException e -> error(request, Status.clientErrorForbidden, e.getMessage(), List.of());
            case UnauthenticatedException e -> error(request, Status.clientErrorNotAuthenticated, e.getMessage(), List.of());
            case ConflictException e -> error(request, Status.clientErrorNotPossible, e.getMessage(), List.of());
            case TooManyRequestsException e -> error(request, Status.serverErrorBusy, e.getMessage(), List.of());
            case InvalidInputException e -> error(request, Status.clientErrorBadRequest, e.getMessage(), List.of());
            case IOException e -> unreadable(request);
            case UncheckedIOException e -> unreadable(request);
            default -> {
                log.warn("IPP operation 0x{} failed", Integer.toHexString(request.operationCode()), failure);
                yield error(request, Status.serverErrorInternalError, "the operation failed; please try again", List.of());
            }
        };
    }

    private static IppPacket unreadable(IppRequest request) {
        return error(request, Status.clientErrorBadRequest, "the request body could not be read", List.of());
    }

    private static IppPacket error(IppRequest request, Status status, String message, List<Attribute<?>> unsupported) {
        return IppResponses.error(request.versionNumber(), request.requestId(), status, message, unsupported);
    }
}
