package org.opencps.platform.origin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the request's origin known to the code serving it ({@link RequestOrigin#current()}),
 * before the security filters run, so that refusals they cause carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestOriginFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestOrigin.set(RequestOrigin.of(request.getRemoteAddr(), request.getHeader("User-Agent")));
        try {
            chain.doFilter(request, response);
        } finally {
            RequestOrigin.clear();
        }
    }
}
