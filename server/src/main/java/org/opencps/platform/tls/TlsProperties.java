package org.opencps.platform.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's certificate chain and private key, as PEM files (OPENCPS_TLS_CERTIFICATE,
 * OPENCPS_TLS_PRIVATE_KEY). Both set: HTTPS only, reloaded when the files change. Neither: plain HTTP.
 */
@ConfigurationProperties("opencps.tls")
public record TlsProperties(Path certificate, Path privateKey) {

    static final String BUNDLE = "server";

    public boolean configured() {
        if (certificate == null && privateKey == null) {
            return false;
        }
        if (certificate == null || privateKey == null) {
            throw new IllegalStateException("opencps.tls.certificate and opencps.tls.private-key must be set together"
                    + " (OPENCPS_TLS_CERTIFICATE and OPENCPS_TLS_PRIVATE_KEY)");
        }
        requireReadable("opencps.tls.certificate", certificate);
        requireReadable("opencps.tls.private-key", privateKey);
        return true;
    }

    Map<String, Object> serverSslProperties() {
        String bundle = "spring.ssl.bundle.pem." + BUNDLE + ".";
        return Map.of(
                bundle + "keystore.certificate", location(certificate),
                bundle + "keystore.private-key", location(privateKey),
                bundle + "reload-on-update", "true",
                bundle + "options.enabled-protocols", "TLSv1.3,TLSv1.2",
                "server.ssl.bundle", BUNDLE);
    }

    private static String location(Path file) {
        return "file:" + file.toAbsolutePath().normalize();
    }

    private static void requireReadable(String setting, Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException(setting + " points at " + file.toAbsolutePath()
                    + ", which does not exist or cannot be read");
        }
    }
}
