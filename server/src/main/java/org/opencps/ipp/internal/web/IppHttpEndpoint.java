package org.opencps.ipp.internal.web;

import com.hp.jipp.encoding.IppPacket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencps.identity.Users;
import org.opencps.ipp.PrintQueue;
import org.opencps.ipp.internal.IppProperties;
import org.opencps.ipp.internal.auth.IppAuthenticator;
import org.opencps.ipp.internal.auth.IppAuthenticator.Outcome;
import org.opencps.ipp.internal.persistence.QueueStore;
import org.opencps.ipp.internal.protocol.IppContext;
import org.opencps.ipp.internal.protocol.IppContext.Authentication;
import org.opencps.ipp.internal.protocol.IppDispatcher;
import org.opencps.ipp.internal.protocol.IppRequest;
import org.opencps.ipp.internal.protocol.IppRequestReader;
import org.opencps.ipp.internal.protocol.MalformedIppRequest;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.ids.Uuids;
import org.opencps.platform.secrets.Tokens;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.platform.security.Channel;
import org.opencps.tenancy.OrganizationNetworks;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * IPP over HTTP (RFC 8010 §3) on the server's own port. The queue is resolved and the
 * Authorization header checked before a byte of the body is read: Tomcat sends the interim
 * "100 Continue" only when the body is first read, so a 401 or 403 reaches a client that sent
 * {@code Expect: 100-continue} (as CUPS does) before it sends its document. Only a request
 * without credentials has its attributes read first, since Get-Printer-Attributes needs none.
 * Before all that, a queue answers only addresses its organization's IP allow-list accepts.
 */
@Controller
class IppHttpEndpoint {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final long READ_BEFORE_REFUSING = 2 * 1024 * 1024;
    static final String CHALLENGE = "Basic realm=\"OpenCPS\", charset=\"UTF-8\"";

    private final QueueStore queues;
    private final Users users;
    private final IppAuthenticator authenticator;
    private final IppDispatcher dispatcher;
    private final OrganizationNetworks networks;
    private final boolean allowBasicOverHttp;

    IppHttpEndpoint(QueueStore queues, Users users, IppAuthenticator authenticator, IppDispatcher dispatcher,
                    OrganizationNetworks networks, IppProperties properties) {
        this.queues = queues;
        this.users = users;
        this.authenticator = authenticator;
        this.dispatcher = dispatcher;
        this.networks = networks;
        this.allowBasicOverHttp = properties.allowBasicOverHttp();
    }

    /** The queue's URI, and its jobs' URIs (job-uri is the queue's URI + "/" + job-id): RFC 8011 §4.1.5 lets a client address either. */
    @PostMapping({"/ipp/print/{queueId}", "/ipp/print/{queueId}/{jobId:[1-9][0-9]*}"})
    void print(@PathVariable String queueId, @PathVariable(required = false) String jobId, HttpServletRequest request,
               HttpServletResponse response) throws IOException {
        PrintQueue queue = parseId(queueId).flatMap(queues::findByIdAcrossOrganizations).filter(this::ownerStillMember).orElse(null);
        if (queue == null || !isIpp(request)) {
            plain(response, queue == null ? 404 : 400, queue == null ? "no such print queue" : "expected application/ipp");
            return;
        }
        if (!fromAllowedAddress(queue, request, response)) {
            return;
        }
        IppContext context = new IppContext(queue, null, null, printerUri(request, jobId), request.isSecure(), Authentication.BASIC);
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!request.isSecure() && !allowBasicOverHttp) {
                challenge(response, "this server accepts a password over HTTPS only");
                return;
            }
            switch (authenticator.authenticate(queue, authorization, request.getRemoteAddr())) {
                case Outcome.Authenticated ok -> context = new IppContext(queue, ok.actor(), ok.email(), context.printerUri(),
                        context.secure(), Authentication.BASIC);
                case Outcome.Rejected rejected -> {
                    challenge(response, "wrong e-mail address, password or token, or the account is locked");
                    return;
                }
                case Outcome.NotThisQueue other -> {
                    plain(response, 403, "this print queue belongs to someone else");
                    return;
                }
                case Outcome.Busy busy -> {
                    response.setHeader("Retry-After", TooManyRequestsException.retryAfterSeconds(busy.retryAfter()));
                    plain(response, 503, "too many sign-in attempts; try again later");
                    return;
                }
            }
        }
        IppRequest ippRequest = read(request, response);
        if (ippRequest == null) {
            return;
        }
        if (context.actor() == null && ippRequest.operationCode() != IppDispatcher.GET_PRINTER_ATTRIBUTES) {
            readRestBeforeAnswering(ippRequest, response);
            challenge(response, "sign in with your e-mail address and password, or an API token");
            return;
        }
        write(response, dispatcher.handle(context, ippRequest));
    }

    /** The secret queue URL: the secret is the credential, for clients that cannot authenticate. */
    @PostMapping({"/ipp/secret/{secret}", "/ipp/secret/{secret}/{jobId:[1-9][0-9]*}"})
    void secret(@PathVariable String secret, @PathVariable(required = false) String jobId, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        PrintQueue queue = SECRET.matcher(secret).matches()
                ? queues.findBySecretHashAcrossOrganizations(Tokens.hash(secret)).filter(this::ownerStillMember).orElse(null)
                : null;
        if (queue == null || !isIpp(request)) {
            plain(response, queue == null ? 404 : 400, queue == null ? "no such print queue" : "expected application/ipp");
            return;
        }
        if (!fromAllowedAddress(queue, request, response)) {
            return;
        }
        var actor = new Actor(queue.userId(), queue.orgId());
        var context = new IppContext(queue, actor, users.me(actor).email(), printerUri(request, jobId), request.isSecure(),
                Authentication.REQUESTING_USER_NAME);
        IppRequest ippRequest = read(request, response);
        if (ippRequest != null) {
            write(response, dispatcher.handle(context, ippRequest));
        }
    }

    /** Whether the queue's organization accepts the client's address (its IP allow-list); otherwise the 403 is sent (and audited). */
    private boolean fromAllowedAddress(PrintQueue queue, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            networks.requireAllowed(queue.orgId(), request.getRemoteAddr(), Channel.IPP, null);
            return true;
        } catch (AddressNotAllowedException e) {
            plain(response, 403, e.getMessage());
            return false;
        }
    }

    @GetMapping("/ipp/icon.png")
    ResponseEntity<byte[]> icon() throws IOException {
        byte[] png = new ClassPathResource("ipp/icon.png").getContentAsByteArray();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png);
    }

    private IppRequest read(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            return IppRequestReader.read(new BufferedInputStream(request.getInputStream(), 8192));
        } catch (MalformedIppRequest e) {
            write(response, dispatcher.malformed(e));
            return null;
        }
    }

    /**
     * Reading the attributes sent the client its "100 Continue", so it is now sending its document.
     * A 401 that arrived in the middle of that would race the client's last writes against its own
     * reading of the answer (libcups then may give up with "Unable to finish request"). So the rest
     * of a small body is read first and the 401 is the answer to a whole request; beyond
     * {@link #READ_BEFORE_REFUSING} the connection is closed instead of reading on for a stranger.
     */
    private static void readRestBeforeAnswering(IppRequest ippRequest, HttpServletResponse response) throws IOException {
        try (InputStream rest = ippRequest.document()) {
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n; read <= READ_BEFORE_REFUSING && (n = rest.read(buffer)) != -1; ) {
                read += n;
            }
            if (read > READ_BEFORE_REFUSING) {
                response.setHeader("Connection", "close");
            }
        }
    }

    private boolean ownerStillMember(PrintQueue queue) {
        return users.isMember(queue.orgId(), queue.userId());
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(Uuids.parse(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static boolean isIpp(HttpServletRequest request) {
        return IppHttpReplies.isIpp(request.getContentType());
    }

    /**
     * The queue's URI as this client reached it (behind a proxy: as the proxy forwarded it); for a
     * request sent to one of its jobs' URIs, without the job's part.
     */
    private static URI printerUri(HttpServletRequest request, String jobId) {
        try {
            String host = request.getServerName();
            String path = request.getRequestURI();
            String queuePath = jobId == null ? path : path.substring(0, path.length() - jobId.length() - 1);
            return new URI(request.isSecure() ? "ipps" : "ipp", null, host, request.getServerPort(), queuePath, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable request address", e);
        }
    }

    private static void write(HttpServletResponse response, IppPacket packet) throws IOException {
        IppHttpReplies.packet(response, packet);
    }

    private static void challenge(HttpServletResponse response, String message) throws IOException {
        IppHttpReplies.challenge(response, CHALLENGE, message);
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        IppHttpReplies.plain(response, status, message);
    }
}
