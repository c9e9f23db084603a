package org.opencps.ipp.internal.infra;

import com.hp.jipp.encoding.IppOutputStream;
import com.hp.jipp.encoding.IppPacket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.opencps.ipp.internal.IppProperties;
import org.opencps.ipp.internal.auth.BasicCredentials;
import org.opencps.ipp.internal.infra.InfraDocumentOperations.Answer;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppRequestReader;
import org.opencps.ipp.internal.protocol.IppResponses;
import org.opencps.ipp.internal.protocol.MalformedIppRequest;
import org.opencps.platform.ids.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * IPP INFRA over HTTP: {@code /ipp/infra/{device}} is the Infrastructure Printer of one registered
 * printer, {@code /ipp/system} the System Service a proxy registers with. A proxy authenticates
 * with the device credential (HTTP Basic with any user name and the credential as password, or
 * Bearer), checked before the body is read; a credential over plain HTTP only when
 * {@code opencps.ipp.allow-basic-over-http} allows it.
 */
@Controller
class InfraEndpoint {

    private static final Logger log = LoggerFactory.getLogger(InfraEndpoint.class);
    private static final String IPP = "application/ipp";
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
        Optional<OutputDevice> device = parse(deviceId).flatMap(id -> access.authenticate(credential.get(), id));
        if (device.isEmpty()) {
            challenge(response, "this credential does not stand for that printer, or it is not valid");
            return;
        }
        IppRequest ippRequest = read(request, response);
        if (ippRequest != null) {
            var context = new InfraContext(device.get(), uri(request, request.getRequestURI()), request.isSecure());
            Answer answer = dispatcher.handle(context, ippRequest);
            write(response, answer.packet(), answer.document());
        }
    }

    @PostMapping("/ipp/system")
    void system(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> credential = credential(request, response);
        if (credential.isEmpty()) {
            return;
        }
        List<OutputDevice> printers = access.printersOf(credential.get());
        if (printers.isEmpty()) {
            challenge(response, "the device credential is not valid");
            return;
        }
        IppRequest ippRequest = read(request, response);
        if (ippRequest != null) {
            write(response, system.handle(printers, uri(request, "/ipp/system"), request.isSecure(), ippRequest), null);
        }
    }

    /** The credential of the request, or empty once the response says why there is none. */
    private Optional<String> credential(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith(IPP)) {
            plain(response, 400, "expected application/ipp");
            return Optional.empty();
        }
        String header = request.getHeader("Authorization");
        Optional<String> credential = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? Optional.of(header.substring(BEARER.length()).trim())
                : BasicCredentials.parse(header).map(BasicCredentials::password);
        if (credential.isEmpty()) {
            challenge(response, "sign in with the printer's device credential");
        } else if (!request.isSecure() && !allowCredentialsOverHttp) {
            challenge(response, "this server accepts device credentials over HTTPS only");
            return Optional.empty();
        }
        return credential;
    }

    private IppRequest read(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return IppRequestReader.read(new BufferedInputStream(request.getInputStream(), 8192));
        } catch (MalformedIppRequest e) {
            write(response, IppResponses.error(e.versionNumber(), e.requestId(), e.status(), e.getMessage(), List.of()), null);
            return null;
        }
    }

    private static Optional<DeviceId> parse(String text) {
        try {
            return Optional.of(DeviceId.parse(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static URI uri(HttpServletRequest request, String path) {
        try {
            return new URI(request.isSecure() ? "ipps" : "ipp", null, request.getServerName(), request.getServerPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable request address", e);
        }
    }

    /** The response, then the document if there is one, streamed as it is decrypted. */
    private static void write(HttpServletResponse response, IppPacket packet, InputStream document) throws IOException {
        var head = new ByteArrayOutputStream(1024);
        new IppOutputStream(head).write(packet);
        response.setStatus(200);
        response.setContentType(IPP);
        if (document == null) {
            response.setContentLength(head.size());
        }
        try (InputStream body = document) {
            OutputStream out = response.getOutputStream();
            head.writeTo(out);
            if (body != null) {
                body.transferTo(out);
            }
        } catch (IOException clientGone) {
            log.debug("INFRA client went away before its response was written: {}", clientGone.toString());
        }
    }

    private static void challenge(HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        plain(response, 401, message);
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
