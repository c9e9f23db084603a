package org.opencps.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: the 404 page for the portal's routes, and for the API's the same
 * problem+json its own handler would give. Both go through here because no controller (hence no
 * module's advice) is behind an unknown address.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownRoutes {

    private static final List<String> API_PREFIXES = List.of("/api/", "/actuator/", "/v3/", "/swagger-ui", "/ipp/");

    private final PortalPages pages;

    UnknownRoutes(PortalPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    Object unknown(Exception e, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (API_PREFIXES.stream().anyMatch(path::startsWith)) {
            ProblemDetail problem = ((ErrorResponse) e).getBody();
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(request.getRequestURI()));
            }
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        var page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("page", pages.context(request));
        return page;
    }
}
