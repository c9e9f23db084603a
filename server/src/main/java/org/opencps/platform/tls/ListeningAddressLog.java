package org.opencps.platform.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says, once the server listens, the URL it answers on, and warns loudly when that is plain HTTP. */
@Component
class ListeningAddressLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ListeningAddressLog.class);

    private final Environment environment;
    private final TlsProperties tls;

    ListeningAddressLog(Environment environment, TlsProperties tls) {
        this.environment = environment;
        this.tls = tls;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
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
    }

    private String source() {
        return tls.certificate() == null ? ""
                : "; certificate " + tls.certificate().toAbsolutePath().normalize() + ", reloaded when renewed";
    }
}
