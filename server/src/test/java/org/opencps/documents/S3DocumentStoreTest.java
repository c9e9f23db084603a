package org.opencps.documents;

import org.opencps.testing.peers.Poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.documents.internal.OrphanSweep;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJob;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The same store on an S3 API (s3proxy, in memory, on loopback): multipart streaming, ranges, sweep, purge. */
@OpenCpsTest
class S3DocumentStoreTest {

    static final String BUCKET = "opencps-documents";
    static final String ACCESS = "test-access";
    static final String SECRET = "test-secret-key";
    static S3Proxy proxy;
    static URI endpoint;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        var blobStore = new TransientNio2BlobStore();
        proxy = S3Proxy.builder().blobStore(blobStore).endpoint(endpoint)
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

    @Autowired Documents documents;
    @Autowired World world;
    @Autowired PrintJobs printJobs;
    @Autowired OrphanSweep sweep;
    @Autowired MutableClock clock;
    @Autowired Organizations organizations;

    OrgId org;
    String name;

    @BeforeEach
    void organization() {
        name = "S3 " + UUID.randomUUID();
        org = world.customer(world.root(), name);
    }

    List<String> keysOf(OrgId org) {
        return client().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(org + "/")).contents().stream()
                .map(S3Object::key).toList();
    }

    @Test
    void aDocumentOfSeveralUploadPartsComesBackWholeAndWithRandomAccess() throws IOException {
        byte[] content = DocumentsTest.random(20 * 1024 * 1024 + 777, 11);
        StoredDocument stored = documents.store(org, new ByteArrayInputStream(content));
        assertThat(keysOf(org)).containsExactly(org + "/" + stored.id());
        try (InputStream in = documents.open(org, stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (SeekableByteChannel channel = documents.openSeekable(org, stored.id())) {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            long position = 17L * 1024 * 1024 + 5;
            channel.position(position);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read on
            }
            assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(content, (int) position, (int) position + 4096));
        }
        documents.delete(org, stored.id());
        assertThat(keysOf(org)).isEmpty();
        assertThatThrownBy(() -> documents.open(org, stored.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPdfJobIsCountedThroughRangedReadsOfTheEncryptedObject() throws IOException {
        var actor = world.person(org, FixedRole.CUSTOMER_USER).actor();
        byte[] pdf = SampleDocuments.pdf(50);
        PrintJob job = printJobs.submit(actor, new JobTicket("s3", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(pdf));
        assertThat(job.pages()).isEqualTo(50);
        try (InputStream in = printJobs.document(actor, job.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(keysOf(org)).hasSize(1);
    }

    @Test
    void theSweepAbortsIncompleteUploadsAndDeletesUnheldObjectsAndAPurgeDeletesEverything() throws IOException {
        clock.set(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        var actor = world.person(org, FixedRole.CUSTOMER_USER).actor();
        printJobs.submit(actor, new JobTicket("held", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));
        documents.store(org, new ByteArrayInputStream(new byte[1000]));
        client().createMultipartUpload(b -> b.bucket(BUCKET).key(org + "/" + DocumentId.random()));
        assertThat(keysOf(org)).hasSize(2);
        assertThat(uploadsOf(org)).isEqualTo(1);

        sweep.sweepOrphans();
        assertThat(keysOf(org)).hasSize(2);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        sweep.sweepOrphans();
        assertThat(keysOf(org)).hasSize(1);
        assertThat(uploadsOf(org)).isZero();

        organizations.purgeNow(world.rootAdmin().actor(), org, name);
        assertThat(keysOf(org)).isEmpty();
        assertThat(documents.keyset(org)).isEmpty();
    }

    private long uploadsOf(OrgId org) {
        return client().listMultipartUploads(b -> b.bucket(BUCKET).prefix(org + "/")).uploads().size();
    }
}
