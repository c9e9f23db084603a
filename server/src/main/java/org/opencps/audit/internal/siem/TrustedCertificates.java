package org.opencps.audit.internal.siem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opencps.platform.errors.InvalidInputException;

/**
 * The certificates an organization's SIEM receiver must present one of, as PEM: its CA, or its own certificate (pinned:
 * the receiver's certificate itself is the trust anchor). Either way the certificate must also name the host.
 */
public final class TrustedCertificates {

    public static final int MAX_CERTIFICATES = 10;
    public static final int MAX_PEM_CHARS = 64 * 1024;

    private final List<X509Certificate> certificates;

    private TrustedCertificates(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    /** Parses PEM text; refuses (422, field {@code field}) anything but 1 to 10 X.509 certificates. */
    public static TrustedCertificates parse(String field, String pem) {
        if (pem == null || pem.isBlank() || pem.length() > MAX_PEM_CHARS || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw refused(field);
        }
        List<X509Certificate> parsed = new ArrayList<>();
        try {
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
                parsed.add((X509Certificate) certificate);
            }
        } catch (CertificateException | RuntimeException e) {
            throw refused(field);
        }
        if (parsed.isEmpty() || parsed.size() > MAX_CERTIFICATES) {
            throw refused(field);
        }
        return new TrustedCertificates(parsed);
    }

    private static InvalidInputException refused(String field) {
        return new InvalidInputException(field, "problem.siem.certificates", "give the CA certificate of the SIEM receiver, or its "
                + "own certificate, as PEM (1 to " + MAX_CERTIFICATES + " certificates, each -----BEGIN CERTIFICATE-----)",
                MAX_CERTIFICATES);
    }

    /** The certificates as PEM, as stored. */
    public String pem() {
        var mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        var out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            out.append("-----BEGIN CERTIFICATE-----\n").append(mime.encodeToString(encoded(certificate)))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return out.toString();
    }

    /** Each certificate's subject and SHA-256 fingerprint, for people to check. */
    public List<String> descriptions() {
        return certificates.stream().map(c -> c.getSubjectX500Principal().getName() + " (SHA-256 " + fingerprint(c) + ")").toList();
    }

    /** A TLS context trusting exactly these certificates (and no default CA). */
    public SSLContext tlsContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                trust.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the JDK builds a TLS context from X.509 certificates", e);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(encoded(certificate)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException("a parsed certificate encodes", e);
        }
    }
}
