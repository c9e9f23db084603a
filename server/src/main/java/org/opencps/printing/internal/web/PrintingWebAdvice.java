package org.opencps.printing.internal.web;

import java.beans.PropertyEditorSupport;
import java.net.URI;
import org.opencps.platform.web.StreamingMultipart;
import org.opencps.printing.DocumentFormatNotAllowedException;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.JobId;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * For this module's routes: job ids in URLs parsed strictly (malformed is a 400), and documents
 * that are not what they claim (422), past a limit (413: size, pages, raster page size, PDF
 * objects or page tree) or of a format the organization does not accept
 * (415) as problem+json. Ordered first, so that the
 * general handler of unexpected errors does not take these.
 */
@RestControllerAdvice(basePackageClasses = PrintingWebAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PrintingWebAdvice {

    @InitBinder
    void jobIds(WebDataBinder binder) {
        binder.registerCustomEditor(JobId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(JobId.parse(text));
            }
        });
    }

    @ExceptionHandler(DocumentLimitExceededException.class)
    ProblemDetail pastALimit(DocumentLimitExceededException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), "document");
        problem.setProperty("limit", e.kind().name());
        problem.setProperty("maximum", e.limit());
        return problem;
    }

    @ExceptionHandler(DocumentFormatNotAllowedException.class)
    ProblemDetail notAllowed(DocumentFormatNotAllowedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), "format");
    }

    @ExceptionHandler(InvalidDocumentException.class)
    ProblemDetail invalid(InvalidDocumentException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), "document");
    }

    @ExceptionHandler(StreamingMultipart.MalformedMultipartException.class)
    ProblemDetail malformed(StreamingMultipart.MalformedMultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "file");
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("field", field);
        return problem;
    }
}
