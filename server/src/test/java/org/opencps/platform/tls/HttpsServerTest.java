package org.opencps.platform.tls;

import org.opencps.testing.peers.Poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencps.testing.TestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "opencps.tls.certificate=" + HttpsServerTest.CERTIFICATE,
        "opencps.tls.private-key=" + HttpsServerTest.PRIVATE_KEY,
        "spring.ssl.bundle.watch.file.quiet-period=100ms"})
@ContextConfiguration(initializers = TestEnvironment.class)
@ExtendWith(OutputCaptureExtension.class)
class HttpsServerTest {

    static final String CERTIFICATE = "target/https-server-test/server.crt";
    static final String PRIVATE_KEY = "target/https-server-test/server.key";

    private static final TestCertificate FIRST = TestCertificate.selfSigned("first");
    private static final TestCertificate RENEWED = TestCertificate.selfSigned("renewed");

    @LocalServerPort
    int port;

    @BeforeAll
    static void installFirstCertificate() throws IOException {
        FIRST.writePem(Path.of(CERTIFICATE), Path.of(PRIVATE_KEY));
    }

    @Test
    void servesHttpsRefusesTls11AndPicksUpARenewedCertificateWithoutRestart(CapturedOutput output) throws Exception {
        var health = HttpClient.newBuilder().sslContext(trusting()).build().send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(output).contains("OpenCPS answers on https://localhost:" + port);

        assertThat(handshake().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(handshake("TLSv1.2").getProtocol()).isEqualTo("TLSv1.2");
        assertThatThrownBy(() -> handshake("TLSv1.1"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("protocol_version");
        assertThat(servedCertificate()).isEqualTo(FIRST.certificate());

        RENEWED.writePem(Path.of(CERTIFICATE), Path.of(PRIVATE_KEY));

        Poll.until(Duration.ofSeconds(30), "the renewed certificate to be served",
                () -> java.util.Optional.of(true).filter(ok -> renewedServed()),
                () -> "still serving the first certificate");
        assertThat(servedCertificate()).isEqualTo(RENEWED.certificate());
    }

    private Certificate servedCertificateIfAny() throws Exception {
        try {
            return servedCertificate();
        } catch (IOException halfwayThroughTheRenewal) {
            return null;
        }
    }

    private Certificate servedCertificate() throws Exception {
        return handshake().getPeerCertificates()[0];
    }

    private SSLSession handshake(String... protocols) throws Exception {
        try (var socket = (SSLSocket) trusting().getSocketFactory().createSocket("localhost", port)) {
            if (protocols.length > 0) {
                socket.setEnabledProtocols(protocols);
            }
            socket.startHandshake();
            return socket.getSession();
        }
    }

    private static SSLContext trusting() throws Exception {
        var trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("first", FIRST.certificate());
        trusted.setCertificateEntry("renewed", RENEWED.certificate());
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private boolean renewedServed() {
        try {
            return RENEWED.certificate().equals(servedCertificateIfAny());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
