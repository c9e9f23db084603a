package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencps.access.FixedRole;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages are counted from a copy kept in memory for documents up to 1 MiB and from the stored,
 * encrypted document beyond: both ways count the same and refuse the same.
 */
@OpenCpsTest
class PageCountingTest {

    private static final int MIB = 1024 * 1024;

    @Autowired World world;
    @Autowired PrintJobs printJobs;
    @Autowired StoredBlobs blobs;

    OrgId org;
    Actor alice;

    @BeforeEach
    void person() {
        org = world.customer(world.root(), "Pages " + UUID.randomUUID());
        alice = world.person(org, FixedRole.CUSTOMER_USER).actor();
    }

    @Test
    void aSmallAndALargePdfAreCountedAlike() throws Exception {
        byte[] small = pdf(3, 0);
        byte[] large = pdf(3, MIB + 1);
        assertThat(small.length).isLessThan(MIB);
        assertThat(large.length).isGreaterThan(MIB);

        assertThat(submit(small).pages()).isEqualTo(3);
        assertThat(submit(large).pages()).isEqualTo(3);
    }

    @Test
    void aLargeDocumentThatIsNotAPdfIsRefusedAndNothingIsKept() throws Exception {
        byte[] large = pdf(2, MIB + 1);
        byte[] broken = java.util.Arrays.copyOf(large, large.length);
        broken[0] = 'X';

        assertThatThrownBy(() -> submit(broken)).isInstanceOf(InvalidDocumentException.class);
        assertThat(printJobs.mine(alice)).isEmpty();
        assertThat(blobs.of(org)).isEmpty();
    }

    private PrintJob submit(byte[] document) {
        return printJobs.submit(alice, new JobTicket("doc", DocumentFormat.PDF, 1, null, null, null, JobTicket.Source.API),
                new ByteArrayInputStream(document));
    }

    /** A PDF with these pages and, on the first, an unfiltered stream of this many random bytes. */
    private static byte[] pdf(int pages, int padding) throws IOException {
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            if (padding > 0) {
                byte[] noise = new byte[padding];
                new Random(7).nextBytes(noise);
                var stream = new PDStream(document, new ByteArrayInputStream(noise));
                document.getPage(0).getCOSObject().setItem(COSName.getPDFName("OpenCpsPadding"), stream);
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
