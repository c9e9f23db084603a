package org.opencps.ipp.internal.infra;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.opencps.ipp.internal.IppProperties;
import org.opencps.ipp.internal.auth.BasicCredentials;
import org.opencps.ipp.internal.infra.InfraDocumentOperations.Answer;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppRequestReader;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.MalformedIppRequest;
import org.opencps.ipp.internal.web.IppHttpReplies;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.security.AddressNotAllowedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * IPP INFRA over HTTP: {@code /ipp/infra/{device}} is the Infrastructure Printer of one registered
 * printer, {@code /ipp/system} the System Service a proxy registers with. A proxy authenticates
 * with the device credential (HTTP Basic with any user name and the credential as password, or
 * Bearer), checked before the body is read; a credential over plain HTTP only when
 * {@code opencps.ipp.allow-basic-over-http} allows it. Wrong credentials count towards the source's
 * limit, shared with the Device API; past it every credential from that source is an HTTP 429.
 */
@Controller
class InfraEndpoint {

    private static final String CHALLENGE = "Basic realm=\"OpenCPS devices\", charset=\"UTF-8\"";
    private static final String BEARER = "Bearer ";

    private final OutputDeviceAccess access;
    private final InfraDispatcher dispatcher;
    private final InfraSystem system;
    private final boolean allowCredentialsOverHttp;

    InfraEndpoint(OutputDeviceAccess access, InfraDispatcher dispatcher, InfraSystem system, IppProperties properties) {
        this.access = access;
        this.dispatcher = dispatcher;
        this.system = system;
        this.allowCredentialsOverHttp = properties.allowBasicOverHttp();
    }

    @PostMapping("/ipp/infra/{deviceId}")
    void infra(@PathVariable String deviceId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> credential = credential(request, response);
        if (credential.isEmpty()) {
            return;
        }
        Optional<OutputDevice> device;
        try {
            device = access.authenticate(credential.get(), deviceId, request.getRemoteAddr());
        } catch (TooManyRequestsException e) {
            tooMany(response, e);
            return;
        } catch (AddressNotAllowedException e) {
            IppHttpReplies.plain(response, 403, e.getMessage());
            return;
        }
        if (device.isEmpty()) {
            IppHttpReplies.challenge(response, CHALLENGE, "this credential does not stand for that printer, or it is not valid");
            return;
        }
        IppRequest ippRequest = read(request, response);
        if (ippRequest != null) {
            var context = new InfraContext(device.get(), uri(request, request.getRequestURI()), request.isSecure());
            Answer answer = dispatcher.handle(context, ippRequest);
            IppHttpReplies.packet(response, answer.packet(), answer.document());
        }
    }

    @PostMapping("/ipp/system")
    void system(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> credential = credential(request, response);
        if (credential.isEmpty()) {
            return;
        }
        List<OutputDevice> printers;
        try {
            printers = access.printersOf(credential.get(), request.getRemoteAddr());
        } catch (TooManyRequestsException e) {
            tooMany(response, e);
            return;
        } catch (AddressNotAllowedException e) {
            IppHttpReplies.plain(response, 403, e.getMessage());
            return;
        }
        if (printers.isEmpty()) {
            IppHttpReplies.challenge(response, CHALLENGE, "the device credential is not valid");
            return;
        }
        IppRequest ippRequest = read(request, response);
        if (ippRequest != null) {
            IppHttpReplies.packet(response, system.handle(printers, uri(request, "/ipp/system"), request.isSecure(), ippRequest));
        }
    }

    /** The credential of the request, or empty once the response says why there is none. */
    private Optional<String> credential(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!IppHttpReplies.isIpp(request.getContentType())) {
            IppHttpReplies.plain(response, 400, "expected application/ipp");
            return Optional.empty();
        }
        String header = request.getHeader("Authorization");
        Optional<String> credential = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? Optional.of(header.substring(BEARER.length()).trim())
                : BasicCredentials.parse(header).map(BasicCredentials::password);
        if (credential.isEmpty()) {
            IppHttpReplies.challenge(response, CHALLENGE, "sign in with the printer's device credential");
        } else if (!request.isSecure() && !allowCredentialsOverHttp) {
            IppHttpReplies.challenge(response, CHALLENGE, "this server accepts device credentials over HTTPS only");
            return Optional.empty();
        }
        return credential;
    }

    /** Over the source's limit of wrong device credentials: HTTP 429, before the IPP request is read. */
    private static void tooMany(HttpServletResponse response, TooManyRequestsException e) throws IOException {
        response.setHeader("Retry-After", e.retryAfterSeconds());
        IppHttpReplies.plain(response, 429, e.getMessage());
    }

    private IppRequest read(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return IppRequestReader.read(new BufferedInputStream(request.getInputStream(), 8192));
        } catch (MalformedIppRequest e) {
            IppHttpReplies.packet(response, IppResponses.error(e.versionNumber(), e.requestId(), e.status(), e.getMessage(), List.of()));
            return null;
        }
    }

    private static URI uri(HttpServletRequest request, String path) {
        try {
            return new URI(request.isSecure() ? "ipps" : "ipp", null, request.getServerName(), request.getServerPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable request address", e);
        }
    }
}
