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
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.platform.security.BearerRequests;
import org.opencps.platform.security.ProblemWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ocpsd_...} on the Device API. Stateless: nothing is
 * kept between requests. An unknown or revoked credential is a 401 and an audit event; a source
 * that has presented too many of them gets 429 for its wrong ones for a while, while a right one
 * always works ({@link DeviceCredentials}), but from an address outside the organization's IP
 * allow-list: 403 (audited).
 */
final class DeviceCredentialFilter extends OncePerRequestFilter {

    private final DeviceCredentials credentials;
    private final ProblemWriter problems;

    DeviceCredentialFilter(DeviceCredentials credentials, ProblemWriter problems) {
        this.credentials = credentials;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credential = BearerRequests.token(request);
        if (credential == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<DevicePrincipal> device;
        try {
            device = credentials.authenticate(credential, request.getRemoteAddr());
        } catch (TooManyRequestsException e) {
            response.setHeader("Retry-After", e.retryAfterSeconds());
            problems.write(response, 429, "Too Many Requests", e.getMessage());
            return;
        } catch (AddressNotAllowedException e) {
            problems.write(response, 403, "Forbidden", e.getMessage());
            return;
        }
        if (device.isEmpty()) {
            problems.write(response, 401, "Unauthorized", "the device credential is unknown or revoked");
            return;
        }
        BearerRequests.continueAs(new DeviceAuthentication(device.get()), request, response, chain);
    }
}
