package org.opencps.ipp.internal.setup;

import java.net.URI;
import java.util.UUID;
import org.opencps.platform.config.OpenCpsProperties;
import org.springframework.stereotype.Component;

/**
 * A queue's public addresses, from {@code opencps.public-url}: ipps:// when people reach the
 * server over HTTPS, ipp:// over plain HTTP. The port is always written out: an ipps:// URL
 * without one means port 631 to CUPS, not 443 (IPP.md §1).
 */
@Component
public class QueueUrls {

    private final String host;
    private final int port;
    private final boolean tls;

    public QueueUrls(OpenCpsProperties properties) {
        URI publicUrl = properties.publicUrl();
        this.tls = "https".equalsIgnoreCase(publicUrl.getScheme());
        this.host = publicUrl.getHost();
        this.port = publicUrl.getPort() > 0 ? publicUrl.getPort() : tls ? 443 : 80;
    }

    public String queue(UUID queueId) {
        return ipp() + "/ipp/print/" + queueId;
    }

    public String secret(String secret) {
        return ipp() + "/ipp/secret/" + secret;
    }

    /** The same secret queue as an http(s) URL, the form Windows' port names take. */
    public String secretHttp(String secret) {
        return (tls ? "https" : "http") + "://" + authority() + "/ipp/secret/" + secret;
    }

    public String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public String hostName() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return tls;
    }

    private String ipp() {
        return (tls ? "ipps" : "ipp") + "://" + authority();
    }
}
