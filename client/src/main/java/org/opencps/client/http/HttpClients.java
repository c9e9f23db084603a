package org.opencps.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opencps.client.CommandFailure;

/**
 * HTTP clients for the server and for printers. TLS trusts the system's CAs, or, given a PEM file,
 * only the certificates in it (a private CA, or a self-signed server certificate). Host names are
 * always checked.
 */
public final class HttpClients {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpClients() {
    }

    public static HttpClient create(Path trustedPem) {
        var builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (trustedPem != null) {
            builder.sslContext(trusting(trustedPem));
        }
        return builder.build();
    }

    public static SSLContext trusting(Path pem) {
        if (!Files.isReadable(pem)) {
            throw CommandFailure.usage("cannot read the certificate file " + pem);
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw CommandFailure.usage(pem + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw CommandFailure.usage("cannot use " + pem + " as trusted certificates: " + e.getMessage());
        }
    }
}
