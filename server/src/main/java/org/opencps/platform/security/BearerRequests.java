package org.opencps.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the stateless bearer filters (API tokens, device credentials) share. */
public final class BearerRequests {

    private static final String PREFIX = "Bearer ";

    private BearerRequests() {
    }

    /** The token of an {@code Authorization: Bearer} header, or null when the request has none. */
    public static String token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return header.substring(PREFIX.length()).trim();
    }

    /** Goes on down the chain as {@code authentication}, for this request only. */
    public static void continueAs(Authentication authentication, HttpServletRequest request, HttpServletResponse response,
                                  FilterChain chain) throws IOException, ServletException {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
