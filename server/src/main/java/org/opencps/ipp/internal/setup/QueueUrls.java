package org.opencps.ipp.internal.setup;

import java.net.URI;
import java.util.UUID;
import org.opencps.platform.config.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * A queue's public addresses, from the public URL (opencps.public-url, or the port the server listens on): ipps:// when people reach the
 * server over HTTPS, ipp:// over plain HTTP. The port is always written out: an ipps:// URL
 * without one means port 631 to CUPS, not 443 (IPP.md §1).
 */
@Component
public class QueueUrls {

    private final PublicUrl publicUrl;

    public QueueUrls(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String queue(UUID queueId) {
        return ipp() + "/ipp/print/" + queueId;
    }

    public String secret(String secret) {
        return ipp() + "/ipp/secret/" + secret;
    }

    /** The same secret queue as an http(s) URL, the form Windows' port names take. */
    public String secretHttp(String secret) {
        return (tls() ? "https" : "http") + "://" + authority() + "/ipp/secret/" + secret;
    }

    public String authority() {
        String host = hostName();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public String hostName() {
        return publicUrl.uri().getHost();
    }

    public int port() {
        URI uri = publicUrl.uri();
        return uri.getPort() > 0 ? uri.getPort() : tls() ? 443 : 80;
    }

    public boolean tls() {
        return publicUrl.https();
    }

    private String ipp() {
        return (tls() ? "ipps" : "ipp") + "://" + authority();
    }
}
