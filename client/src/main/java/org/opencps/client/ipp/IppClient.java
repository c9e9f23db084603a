package org.opencps.client.ipp;

import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppPacket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.opencps.client.CommandFailure;
import org.opencps.client.http.NetworkErrors;

/**
 * IPP over HTTP (RFC 8010) with the JDK's client: the request's attributes, then the document as it
 * streams (chunked), so a document of any size passes through a small buffer. {@code ipp://} is HTTP
 * and {@code ipps://} HTTPS, port 631 unless given; a user name and password in the URI become
 * HTTP Basic and are never shown.
 */
public final class IppClient {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    public IppClient(HttpClient http) {
        this.http = http;
    }

    /** Sends a request without a document (a query): answered within 30 seconds or an error. */
    public IppPacket query(URI printer, IppPacket request) throws IOException, InterruptedException {
        return exchange(printer, request, null, QUERY_TIMEOUT);
    }

    /** Sends a request followed by its document (not closed here). */
    public IppPacket send(URI printer, IppPacket request, InputStream document) throws IOException, InterruptedException {
        return exchange(printer, request, document, null);
    }

    private IppPacket exchange(URI printer, IppPacket request, InputStream document, Duration timeout)
            throws IOException, InterruptedException {
        var head = new ByteArrayOutputStream();
        request.write(head);
        var builder = HttpRequest.newBuilder(httpUri(printer)).header("Content-Type", "application/ipp");
        String userInfo = printer.getRawUserInfo();
        if (userInfo != null) {
            String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (document == null) {
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()));
        } else {
            InputStream body = new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()), document);
            builder.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body));
        }
        HttpResponse<InputStream> response = NetworkErrors.send(http, withoutUserInfo(printer), builder.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(display(printer) + " answered HTTP " + response.statusCode()
                        + (response.statusCode() == 401 ? " (it wants a user name and password in the printer URI)" : ""));
            }
            try (IppInputStream packets = new IppInputStream(in)) {
                return packets.readPacket();
            }
        }
    }

    /** A printer URI given on the command line for {@code option}: ipp:// or ipps:// with a host. */
    public static URI printerUri(String option, String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ipp") || scheme.equals("ipps")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw CommandFailure.usage(option + " takes a printer URI: ipp://host[:port]/path or ipps://...");
    }

    /** The HTTP address an IPP URI is reached at. */
    static URI httpUri(URI printer) {
        String scheme = printer.getScheme() == null ? "" : printer.getScheme().toLowerCase(Locale.ROOT);
        String httpScheme = switch (scheme) {
            case "ipp" -> "http";
            case "ipps" -> "https";
            default -> throw new IllegalArgumentException("not an ipp:// or ipps:// URI: " + display(printer));
        };
        int port = printer.getPort() < 0 ? 631 : printer.getPort();
        try {
            return new URI(httpScheme, null, printer.getHost(), port, printer.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a printer URI: " + display(printer), e);
        }
    }

    /** The URI as logs may show it: without a user name or password. */
    public static String display(URI printer) {
        return withoutUserInfo(printer).toString();
    }

    public static URI withoutUserInfo(URI printer) {
        if (printer.getRawUserInfo() == null) {
            return printer;
        }
        try {
            return new URI(printer.getScheme(), null, printer.getHost(), printer.getPort(), printer.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a printer URI", e);
        }
    }
}
