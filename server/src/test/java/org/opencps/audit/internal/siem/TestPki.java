package org.opencps.audit.internal.siem;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opencps.testing.peers.PrivateRsyslog;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * A test CA and, signed by it, a certificate for the syslog receiver (naming localhost only) and one
 * for our client, written as PEM files.
 */
record TestPki(Path caFile, Path serverCertificate, Path serverKey, Path clientCertificate, Path clientKey) {

    static TestPki create(Path dir) throws Exception {
        Files.createDirectories(dir);
        KeyPair caKeys = keys();
        X509Certificate ca = sign(new X500Name("CN=OpenCPS test SIEM CA"), caKeys, new X500Name("CN=OpenCPS test SIEM CA"),
                caKeys, true, null);
        KeyPair serverKeys = keys();
        X509Certificate server = sign(new X500Name("CN=localhost"), serverKeys, new X500Name("CN=OpenCPS test SIEM CA"), caKeys,
                false, new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        KeyPair clientKeys = keys();
        X509Certificate client = sign(new X500Name("CN=opencps-client"), clientKeys, new X500Name("CN=OpenCPS test SIEM CA"), caKeys,
                false, new GeneralNames(new GeneralName(GeneralName.dNSName, "opencps-client")));
        var pki = new TestPki(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server-key.pem"),
                dir.resolve("client.pem"), dir.resolve("client-key.pem"));
        write(pki.caFile, "CERTIFICATE", ca.getEncoded());
        write(pki.serverCertificate, "CERTIFICATE", server.getEncoded());
        write(pki.serverKey, "PRIVATE KEY", serverKeys.getPrivate().getEncoded());
        write(pki.clientCertificate, "CERTIFICATE", client.getEncoded());
        write(pki.clientKey, "PRIVATE KEY", clientKeys.getPrivate().getEncoded());
        return pki;
    }

    PrivateRsyslog.Tls forReceiver() {
        return new PrivateRsyslog.Tls(caFile, serverCertificate, serverKey);
    }

    /** What the settings {@code spring.ssl.bundle.pem.<name>.*} make of these files: trust the CA, present the client certificate. */
    SslBundle clientBundle(boolean withClientCertificate) {
        var trust = PemSslStoreDetails.forCertificate("file:" + caFile);
        var key = withClientCertificate
                ? PemSslStoreDetails.forCertificate("file:" + clientCertificate).withPrivateKey("file:" + clientKey) : null;
        return SslBundle.of(new PemSslStoreBundle(key, trust));
    }

    private static KeyPair keys() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, boolean ca,
                                        GeneralNames names) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.subjectAlternativeName, false, names);
        }
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n", StandardCharsets.US_ASCII);
    }
}
