package org.opencps.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.devices.DeviceKit;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.SampleDocuments;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.peers.Poll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** My scans on an S3 document store (s3proxy on loopback): stored encrypted there, counted, downloaded, deleted. */
@OpenCpsTest
@Import({DeviceKit.class, ScanKit.class})
class S3ScanStoreTest {

    static final String BUCKET = "opencps-scans";
    static final String ACCESS = "scan-access";
    static final String SECRET = "scan-secret-key";
    static S3Proxy proxy;
    static URI endpoint;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        Poll.until(java.time.Duration.ofSeconds(30), "s3proxy to start",
                () -> java.util.Optional.of(true).filter(started -> "STARTED".equals(proxy.getState())), proxy::getState);
        client().createBucket(b -> b.bucket(BUCKET));
        registry.add("opencps.documents.store", () -> "s3");
        registry.add("opencps.documents.s3.endpoint", endpoint::toString);
        registry.add("opencps.documents.s3.bucket", () -> BUCKET);
        registry.add("opencps.documents.s3.access-key", () -> ACCESS);
        registry.add("opencps.documents.s3.secret-key", () -> SECRET);
        registry.add("opencps.documents.s3.path-style", () -> "true");
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    static S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET))).build();
    }

    @Autowired MockMvc mvc;
    @Autowired ScanKit kit;

    @Test
    void aScanIsKeptEncryptedInTheBucketAndGoesWhenDeleted() throws Exception {
        var site = kit.site("S3 scans co");
        var scanner = kit.scanner(site, FixedRole.CUSTOMER_USER);
        byte[] pdf = SampleDocuments.pdf(4);
        var response = kit.upload(scanner, "to=me", "application/pdf", pdf).getResponse();
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).contains("\"pages\":4");
        UUID scan = UUID.fromString(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id"));
        assertThat(keysOf(site.org())).hasSize(1);
        byte[] stored = client().getObjectAsBytes(b -> b.bucket(BUCKET).key(keysOf(site.org()).getFirst())).asByteArray();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        var cookie = kit.portal(scanner.person());
        assertThat(mvc.perform(get("/api/v1/scans/" + scan + "/document").cookie(cookie)).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(pdf);
        assertThat(mvc.perform(delete("/api/v1/scans/" + scan).cookie(cookie)).andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(keysOf(site.org())).isEmpty();
    }

    static List<String> keysOf(OrgId org) {
        return client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(org + "/")).contents().stream().map(S3Object::key).toList();
    }
}
