package org.opencps.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of portal pages as pages. An organization or thing the person may not know, or an id
 * that is not even well formed, is the same 404 page; a known one they may not use is 403.
 * Ordered first, so that the API's problem+json handler never answers a page.
 */
@ControllerAdvice(basePackages = "org.opencps.portal")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    private final PortalPages pages;

    PortalErrors(PortalPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(HttpServletRequest request) {
        return page(request, "error/404", HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletRequest request) {
        return page(request, "error/403", HttpStatus.FORBIDDEN, ProblemTexts.of(e, request));
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ModelAndView unauthenticated() {
        return new ModelAndView("redirect:/login");
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        if ("organizationId".equals(e.field())) {
            return new ModelAndView("redirect:/organizations/select");
        }
        return page(request, "error/problem", HttpStatus.CONFLICT, ProblemTexts.of(e, request));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
        return page(request, "error/problem", HttpStatus.UNPROCESSABLE_CONTENT, ProblemTexts.of(e, request));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletRequest request) {
        return page(request, "error/problem", HttpStatus.TOO_MANY_REQUESTS, ProblemTexts.of(e, request));
    }

    /** Spring's own refusals (a wrong method, a missing parameter, a body too large) keep their status. */
    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response) {
            var status = HttpStatus.valueOf(response.getStatusCode().value());
            return page(request, status == HttpStatus.NOT_FOUND ? "error/404" : "error/problem", status, null);
        }
        log.error("Unexpected error on page {}", request.getRequestURI(), e);
        return page(request, "error/500", HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private ModelAndView page(HttpServletRequest request, String view, HttpStatus status, String message) {
        var page = new ModelAndView(view, status);
        page.addObject("page", pages.context(request));
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
