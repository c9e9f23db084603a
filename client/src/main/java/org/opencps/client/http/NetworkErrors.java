package org.opencps.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** A person-readable sentence for a failed connection to {@code where}. */
public final class NetworkErrors {

    private NetworkErrors() {
    }

    /** A connection that failed, already described for a person (its cause is the original error). */
    public static final class Unreachable extends IOException {
        public Unreachable(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Sends through {@code http}, describing a failed connection to {@code where}. */
    public static <T> java.net.http.HttpResponse<T> send(java.net.http.HttpClient http, URI where, java.net.http.HttpRequest request,
                                                       java.net.http.HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new Unreachable(describe(where, e), e);
        }
    }

    /** Whether the TLS handshake failed (not worth repeating: the certificate will not change by itself soon). */
    public static boolean handshakeFailed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    public static String describe(URI where, IOException e) {
        if (e instanceof Unreachable) {
            return e.getMessage();
        }
        String host = where.getHost() + (where.getPort() < 0 ? "" : ":" + where.getPort());
        if (e instanceof HttpConnectTimeoutException) {
            return "no answer from " + host + " within " + HttpClients.CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return host + " took too long to answer";
        }
        if (handshakeFailed(e)) {
            return "TLS with " + host + " failed (" + rootMessage(e) + "); for a private CA or a self-signed"
                    + " certificate, trust it with --ca-cert FILE.pem (--printer-ca-cert for printers)";
        }
        if (e instanceof SSLException) {
            return "TLS with " + host + " failed (" + rootMessage(e) + ")";
        }
        if (e instanceof ConnectException) {
            if (rootCause(e) instanceof UnresolvedAddressException) {
                return "cannot find the host " + where.getHost();
            }
            return "cannot connect to " + host + " (connection refused: is it running, and is the address right?)";
        }
        return "connection to " + host + " failed: " + rootMessage(e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
