package org.opencps.platform.tls;

import org.opencps.platform.config.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says, once the server listens, the URL it answers on (warning loudly when that is plain HTTP) and
 * the public URL the addresses it hands out start with, which without opencps.public-url follows
 * the port it really listens on.
 */
@Component
class ListeningAddressLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ListeningAddressLog.class);

    private final Environment environment;
    private final TlsProperties tls;
    private final PublicUrl publicUrl;

    ListeningAddressLog(Environment environment, TlsProperties tls, PublicUrl publicUrl) {
        this.environment = environment;
        this.tls = tls;
        this.publicUrl = publicUrl;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        publicUrl.listeningOn(port);
        String address = environment.getProperty("server.address");
        String host = address == null ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        String scope = address == null ? "all network interfaces" : "address " + address + " only";
        Ssl ssl = Binder.get(environment).bind("server.ssl", Ssl.class).orElse(null);
        if (Ssl.isEnabled(ssl)) {
            log.info("OpenCPS answers on https://{}:{} ({}; TLS 1.2 or newer{})", host, port, scope, source());
        } else {
            log.warn("OpenCPS answers on PLAIN HTTP at http://{}:{} ({}): no TLS certificate is configured, so"
                    + " passwords and documents cross the network unencrypted unless a TLS proxy sits in front."
                    + " Set OPENCPS_TLS_CERTIFICATE and OPENCPS_TLS_PRIVATE_KEY to serve HTTPS.", host, port, scope);
        }
        if (publicUrl.configured()) {
            log.info("Addresses handed out (queue URLs, links in e-mails, QR codes) start with {} (opencps.public-url)", publicUrl.base());
        } else {
            log.info("Addresses handed out (queue URLs, links in e-mails, QR codes) start with {}: opencps.public-url is not set,"
                    + " so they follow this server's port; set OPENCPS_PUBLIC_URL to the address people reach it at", publicUrl.base());
        }
    }

    private String source() {
        return tls.certificate() == null ? ""
                : "; certificate " + tls.certificate().toAbsolutePath().normalize() + ", reloaded when renewed";
    }
}
