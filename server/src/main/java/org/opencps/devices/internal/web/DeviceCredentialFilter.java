package org.opencps.devices.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.opencps.devices.DeviceEvents.DeviceCredentialRefused;
import org.opencps.devices.DeviceRegistrations;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ratelimit.RateLimiter;
import org.opencps.platform.security.ProblemWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ocpsd_...} on the Device API. Stateless: nothing is
 * kept between requests. An unknown or revoked credential is a 401 and an audit event; a source
 * that keeps presenting them is slowed down with 429.
 */
final class DeviceCredentialFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final DeviceRegistrations registrations;
    private final RateLimiter rateLimiter;
    private final int failuresPerMinute;
    private final ApplicationEventPublisher events;
    private final ProblemWriter problems;

    DeviceCredentialFilter(DeviceRegistrations registrations, RateLimiter rateLimiter, int failuresPerMinute,
                           ApplicationEventPublisher events, ProblemWriter problems) {
        this.registrations = registrations;
        this.rateLimiter = rateLimiter;
        this.failuresPerMinute = failuresPerMinute;
        this.events = events;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        var device = registrations.authenticate(header.substring(PREFIX.length()).trim());
        if (device.isEmpty()) {
            refuse(request, response);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new DeviceAuthentication(device.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String source = request.getRemoteAddr();
        try {
            rateLimiter.acquire("device-credential:" + source, failuresPerMinute, Duration.ofMinutes(1),
                    "requests with an unknown device credential");
        } catch (TooManyRequestsException e) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            problems.write(response, 429, "Too Many Requests", e.getMessage());
            return;
        }
        events.publishEvent(new DeviceCredentialRefused(source));
        problems.write(response, 401, "Unauthorized", "the device credential is unknown or revoked");
    }
}
