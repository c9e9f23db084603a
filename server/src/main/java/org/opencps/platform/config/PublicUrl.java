package org.opencps.platform.config;

import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach the server at, for every address it hands out (queue and secret URLs,
 * links in e-mails, QR codes). {@code opencps.public-url} when set; otherwise
 * {@code http(s)://localhost:<port>} with the port the server really listens on and https when it
 * serves TLS itself. Read it when an address is built, not once at startup: with a random port
 * ({@code server.port=0}) the port is only known once the web server has started.
 */
@Component
public class PublicUrl {

    private static final int DEFAULT_PORT = 8080;

    private final URI configured;
    private final String scheme;
    private volatile int listeningPort;

    @Autowired
    public PublicUrl(OpenCpsProperties properties, Environment environment) {
        this.configured = properties.publicUrl();
        Ssl ssl = Binder.get(environment).bind("server.ssl", Ssl.class).orElse(null);
        this.scheme = Ssl.isEnabled(ssl) ? "https" : "http";
        this.listeningPort = environment.getProperty("server.port", Integer.class, DEFAULT_PORT);
    }

    private PublicUrl(URI configured) {
        this.configured = configured;
        this.scheme = configured.getScheme();
        this.listeningPort = configured.getPort();
    }

    /** A fixed public URL, for code built by hand (tests). */
    public static PublicUrl of(URI configured) {
        return new PublicUrl(configured);
    }

    /** Whether opencps.public-url was set, rather than derived from the listening port. */
    public boolean configured() {
        return configured != null;
    }

    public URI uri() {
        return configured != null ? configured : URI.create(scheme + "://localhost:" + listeningPort + "/");
    }

    /** The URL without a trailing slash, to append paths to ({@code base() + "/release/..."}). */
    public String base() {
        return uri().toString().replaceAll("/+$", "");
    }

    public boolean https() {
        return "https".equalsIgnoreCase(uri().getScheme());
    }

    /** The web server started on this port (the real one, also when server.port is 0). */
    public void listeningOn(int port) {
        this.listeningPort = port;
    }
}
