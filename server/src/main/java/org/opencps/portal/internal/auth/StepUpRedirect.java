package org.opencps.portal.internal.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.opencps.identity.SecondFactorCheckRequired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A portal page or form that needs a recent second-factor check (step-up) sends the person to {@link StepUpPage}:
 * a page comes back after the check; after a form they repeat it. Before the portal's general error pages, which
 * would show a 403.
 */
@ControllerAdvice(basePackages = "org.opencps.portal")
@Order(Ordered.HIGHEST_PRECEDENCE)
class StepUpRedirect {

    /** A page asked for comes back after the check; after a form the person lands on their account page and repeats it. */
    @ExceptionHandler(SecondFactorCheckRequired.class)
    void stepUpFirst(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = "GET".equals(request.getMethod()) ? request.getRequestURI() : null;
        String target = request.getContextPath() + StepUpPage.PATH
                + (next == null ? "" : "?continue=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }
}
