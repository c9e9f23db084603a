package org.opencps.devices.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.opencps.devices.DeviceCredentials;
import org.opencps.devices.DevicePrincipal;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.security.ProblemWriter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ocpsd_...} on the Device API. Stateless: nothing is
 * kept between requests. An unknown or revoked credential is a 401 and an audit event; a source
 * that has presented too many of them gets 429 for every credential, right or wrong, for a while
 * ({@link DeviceCredentials}).
 */
final class DeviceCredentialFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final DeviceCredentials credentials;
    private final ProblemWriter problems;

    DeviceCredentialFilter(DeviceCredentials credentials, ProblemWriter problems) {
        this.credentials = credentials;
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
        Optional<DevicePrincipal> device;
        try {
            device = credentials.authenticate(header.substring(PREFIX.length()).trim(), request.getRemoteAddr());
        } catch (TooManyRequestsException e) {
            response.setHeader("Retry-After", e.retryAfterSeconds());
            problems.write(response, 429, "Too Many Requests", e.getMessage());
            return;
        }
        if (device.isEmpty()) {
            problems.write(response, 401, "Unauthorized", "the device credential is unknown or revoked");
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
}
