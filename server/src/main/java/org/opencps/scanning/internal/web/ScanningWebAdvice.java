package org.opencps.scanning.internal.web;

import java.beans.PropertyEditorSupport;
import java.net.URI;
import org.opencps.platform.ids.DeviceId;
import org.opencps.scanning.ScanRefusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Device ids in this module's URLs parsed strictly (malformed is a 400); a refused scan as problem+json: its status, what was wrong, and the {@code reason} a device can act on. */
@RestControllerAdvice(basePackageClasses = ScanningWebAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScanningWebAdvice {

    @InitBinder
    void deviceIds(WebDataBinder binder) {
        binder.registerCustomEditor(DeviceId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(DeviceId.parse(text));
            }
        });
    }

    @ExceptionHandler(ScanRefusal.class)
    ProblemDetail refused(ScanRefusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()), refusal.getMessage());
        problem.setType(URI.create("about:blank"));
        problem.setProperty("reason", refusal.reason().name());
        return problem;
    }
}
