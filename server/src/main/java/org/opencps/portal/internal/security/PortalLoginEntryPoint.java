package org.opencps.portal.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.opencps.platform.security.SessionAttributes;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a person who is not logged in to the login page, which brings them back to the page they
 * asked for (a GET only) and says why a session just ended. An htmx request gets 401 and an
 * {@code HX-Redirect}, so the whole page goes to the login page rather than a fragment of it.
 */
final class PortalLoginEntryPoint implements AuthenticationEntryPoint {

    static final String LOGIN_PAGE = "/login";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        StringBuilder target = new StringBuilder(request.getContextPath()).append(LOGIN_PAGE);
        char separator = '?';
        Object ended = request.getAttribute(SessionAttributes.ENDED_KIND);
        if (ended != null) {
            target.append(separator).append("ended=").append(ended);
            separator = '&';
        }
        if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (request.getQueryString() != null) {
                path += "?" + request.getQueryString();
            }
            if (!path.equals("/")) {
                target.append(separator).append("continue=").append(URLEncoder.encode(path, StandardCharsets.UTF_8));
            }
        }
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target.toString());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(target.toString());
    }
}
