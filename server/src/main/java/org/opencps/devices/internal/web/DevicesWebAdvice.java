package org.opencps.devices.internal.web;

import java.beans.PropertyEditorSupport;
import java.net.URI;
import org.opencps.devices.DeviceLoginLockedException;
import org.opencps.platform.ids.DeviceId;
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
 * For this module's routes: device and job ids in URLs parsed strictly (malformed is a 400), and a device
 * whose PIN/card logins are locked as 423 with the time the lock ends. Ordered first, so that the
 * general handler of unexpected errors does not take these.
 */
@RestControllerAdvice(basePackageClasses = DevicesWebAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DevicesWebAdvice {

    @InitBinder
    void deviceIds(WebDataBinder binder) {
        binder.registerCustomEditor(DeviceId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(DeviceId.parse(text));
            }
        });
        binder.registerCustomEditor(JobId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(JobId.parse(text));
            }
        });
    }

    @ExceptionHandler(DeviceLoginLockedException.class)
    ProblemDetail locked(DeviceLoginLockedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.LOCKED, e.getMessage());
        problem.setType(URI.create("about:blank"));
        problem.setProperty("lockedUntil", e.lockedUntil().toString());
        return problem;
    }
}
