package org.opencps.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencps.testing.TestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ContextConfiguration(initializers = TestEnvironment.class)
@ExtendWith(OutputCaptureExtension.class)
class PlainHttpStartupTest {

    @LocalServerPort
    int port;

    @Test
    void withoutCertificateServesPlainHttpAndWarnsWithTheUrl(CapturedOutput output) throws Exception {
        var health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(output).containsPattern("WARN .*OpenCPS answers on PLAIN HTTP at http://127\\.0\\.0\\.1:" + port
                + " \\(address 127\\.0\\.0\\.1 only\\).*OPENCPS_TLS_CERTIFICATE");
    }
}
