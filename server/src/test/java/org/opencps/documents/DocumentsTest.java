package org.opencps.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencps.testing.Eventually.eventually;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.documents.internal.KeyRotationJob;
import org.opencps.documents.internal.OrphanSweep;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.JobTicket;
import org.opencps.printing.PrintJobs;
import org.opencps.printing.SampleDocuments;
import org.opencps.printing.StoredBlobs;
import org.opencps.tenancy.Organizations;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The encrypted store on the filesystem: round trips, failures, rotation, crypto-shredding, orphans. */
@OpenCpsTest
class DocumentsTest {

    @Autowired Documents documents;
    @Autowired World world;
    @Autowired StoredBlobs blobs;
    @Autowired MutableClock clock;
    @Autowired KeyRotationJob rotationJob;
    @Autowired OrphanSweep sweep;
    @Autowired Organizations organizations;
    @Autowired PrintJobs printJobs;
    @Autowired JdbcClient jdbc;

    OrgId org;
    String orgName;

    @BeforeEach
    void organization() {
        orgName = "Docs " + UUID.randomUUID();
        org = world.customer(world.root(), orgName);
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aDocumentComesBackWholeAsAStreamAndWithRandomAccess() throws IOException {
        byte[] content = random(3 * 1024 * 1024 + 12345, 1);
        StoredDocument stored = documents.store(org, new ByteArrayInputStream(content));
        assertThat(stored.size()).isEqualTo(content.length);
        try (InputStream in = documents.open(org, stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (SeekableByteChannel channel = documents.openSeekable(org, stored.id())) {
            assertThat(channel.size()).isEqualTo(content.length);
            for (long position : new long[] {content.length - 100, 0, 1024 * 1024 - 3, 2 * 1024 * 1024 + 7}) {
                ByteBuffer buffer = ByteBuffer.allocate(100);
                channel.position(position);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // read on
                }
                assertThat(buffer.array()).isEqualTo(java.util.Arrays.copyOfRange(content, (int) position, (int) position + 100));
            }
        }
        assertThatThrownBy(() -> documents.open(org, DocumentId.random())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCiphertextIsBoundToItsDocumentIdAndOrganization() throws IOException {
        StoredDocument stored = documents.store(org, new ByteArrayInputStream(random(5000, 2)));
        Path blob = blobs.of(org).getFirst();
        DocumentId renamed = DocumentId.random();
        Files.copy(blob, blob.resolveSibling(renamed.toString()));
        assertThatThrownBy(() -> {
            try (InputStream in = documents.open(org, renamed)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
        assertThat(stored.size()).isEqualTo(5000);
    }

    @Test
    void aFailingUploadLeavesNothingBehind() throws IOException {
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(random(2 * 1024 * 1024, 3)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the client went away");
            }
        });
        assertThatThrownBy(() -> documents.store(org, failing)).hasRootCauseMessage("the client went away");
        assertThat(blobsOf()).isEmpty();
    }

    @Test
    void rotationKeepsOldDocumentsReadableAndHappensEvery90Days() throws IOException {
        byte[] old = random(100_000, 4);
        StoredDocument first = documents.store(org, new ByteArrayInputStream(old));
        DocumentKeyset created = documents.keyset(org).orElseThrow();
        assertThat(created.keyCount()).isEqualTo(1);

        clock.advance(Duration.ofDays(90).minusSeconds(1));
        rotationJob.rotateDueKeys();
        assertThat(documents.keyset(org).orElseThrow().primaryKeyId()).isEqualTo(created.primaryKeyId());

        clock.advance(Duration.ofSeconds(1));
        rotationJob.rotateDueKeys();
        DocumentKeyset rotated = documents.keyset(org).orElseThrow();
        assertThat(rotated.primaryKeyId()).isNotEqualTo(created.primaryKeyId());
        assertThat(rotated.keyCount()).isEqualTo(2);
        assertThat(rotated.rotatedAt()).isEqualTo(clock.instant());

        byte[] fresh = random(100_000, 5);
        StoredDocument second = documents.store(org, new ByteArrayInputStream(fresh));
        try (InputStream a = documents.open(org, first.id()); InputStream b = documents.open(org, second.id())) {
            assertThat(a.readAllBytes()).isEqualTo(old);
            assertThat(b.readAllBytes()).isEqualTo(fresh);
        }
        eventually(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ? AND type = 'DOCUMENT_KEY_ROTATED'")
                .param(org.value()).query(Long.class).single()).isEqualTo(1));
    }

    @Test
    void aPurgeDestroysTheKeysSoEvenACopiedBlobCannotBeDecrypted() throws IOException {
        StoredDocument stored = documents.store(org, new ByteArrayInputStream(random(50_000, 6)));
        Path blob = blobs.of(org).getFirst();
        Path aside = Files.createTempFile("copied-aside", ".bin");
        Files.copy(blob, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        organizations.purgeNow(world.rootAdmin().actor(), org, orgName);

        assertThat(documents.keyset(org)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM documents_keyset WHERE org_id = ?").param(org.value()).query(Long.class).single()).isZero();
        assertThat(blobsOf()).isEmpty();

        Files.createDirectories(blob.getParent());
        Files.copy(aside, blob);
        assertThatThrownBy(() -> documents.open(org, stored.id())).isInstanceOf(NotFoundException.class);
        documents.store(org, new ByteArrayInputStream(new byte[10]));
        assertThatThrownBy(() -> {
            try (InputStream in = documents.open(org, stored.id())) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
        Files.delete(aside);
    }

    @Test
    void theSweepDeletesUnheldDocumentsAndIncompleteUploadsOnlyAfterTheGracePeriod() throws IOException {
        // file times are the real clock's
        clock.set(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        var actor = world.person(org, FixedRole.CUSTOMER_USER).actor();
        printJobs.submit(actor, new JobTicket("kept", DocumentFormat.PDF, 1, null, null, null, null),
                new ByteArrayInputStream(SampleDocuments.pdf(1)));
        documents.store(org, new ByteArrayInputStream(random(1000, 7)));
        Path partial = blobsOf().getFirst().resolveSibling(UUID.randomUUID() + "." + UUID.randomUUID() + ".partial");
        Files.write(partial, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(partial, FileTime.from(clock.instant()));
        assertThat(blobsOf()).hasSize(3);

        sweep.sweepOrphans();
        assertThat(blobsOf()).hasSize(3);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        sweep.sweepOrphans();
        assertThat(blobsOf()).hasSize(1);
        assertThat(blobs.of(org)).hasSize(1);
    }

    private java.util.List<Path> blobsOf() throws IOException {
        return blobs.allFilesOf(org);
    }
}
