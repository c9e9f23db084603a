package org.opencps.printing.internal.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.DocumentLimitExceededException.Limit;
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.SampleDocuments;

/**
 * Pages counted from real documents of each format; documents that lie about their format refused;
 * documents past a limit on the work of counting them (pages, decoded raster page size, PDF objects
 * and page tree) refused as such, with the limit named.
 */
class PageCounterTest {

    /** The defaults of opencps.printing. */
    static final PageCounter.Limits LIMITS = new PageCounter.Limits(10_000, 64, 1_000_000, 65_535, 65_535, 1L << 30, 65_535);

    @TempDir
    Path temp;

    PageCounter counter = new PageCounter(LIMITS);

    int count(DocumentFormat format, byte[] document) {
        try {
            Path file = Files.createTempFile(temp, "doc", ".bin");
            Files.write(file, document);
            return counter.count(format, () -> new ByteArrayInputStream(document), () -> {
                try {
                    return FileChannel.open(file, StandardOpenOption.READ);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pdfPagesAreCountedFromThePageTree() {
        assertThat(count(DocumentFormat.PDF, SampleDocuments.pdf(1))).isEqualTo(1);
        assertThat(count(DocumentFormat.PDF, SampleDocuments.pdf(2))).isEqualTo(2);
        assertThat(count(DocumentFormat.PDF, SampleDocuments.pdf(50))).isEqualTo(50);
    }

    @Test
    void aJpegIsOnePage() {
        assertThat(count(DocumentFormat.JPEG, SampleDocuments.jpeg(300, 200))).isEqualTo(1);
    }

    @Test
    void pwgRasterPagesAreWalkedRowByRow() {
        assertThat(count(DocumentFormat.PWG_RASTER, SampleDocuments.pwg(1, 200, 100))).isEqualTo(1);
        assertThat(count(DocumentFormat.PWG_RASTER, SampleDocuments.pwg(3, 300, 420))).isEqualTo(3);
    }

    @Test
    void urfPagesAreWalkedRowByRowAndMatchTheHeader() {
        assertThat(count(DocumentFormat.URF, SampleDocuments.urf(1, 1, 100, 50))).isEqualTo(1);
        assertThat(count(DocumentFormat.URF, SampleDocuments.urf(4, 4, 1000, 700))).isEqualTo(4);
        assertThat(count(DocumentFormat.URF, SampleDocuments.urf(2, 0, 64, 64))).isEqualTo(2);
        assertThatThrownBy(() -> count(DocumentFormat.URF, SampleDocuments.urf(2, 3, 64, 64)))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("declares 3 pages");
    }

    @Test
    void aPdfHeaderFollowedByGarbageIsRefused() {
        byte[] garbage = "%PDF-1.7\nthis is not a PDF at all, just text pretending\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> count(DocumentFormat.PDF, garbage)).isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void formatsThatAreNotWhatTheySayAreRefused() {
        byte[] pdf = SampleDocuments.pdf(1);
        assertThatThrownBy(() -> count(DocumentFormat.JPEG, pdf)).isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> count(DocumentFormat.PWG_RASTER, pdf)).isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> count(DocumentFormat.URF, pdf)).isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> count(DocumentFormat.PDF, SampleDocuments.jpeg(10, 10))).isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void aTruncatedJpegIsRefused() {
        byte[] jpeg = SampleDocuments.jpeg(300, 200);
        assertThatThrownBy(() -> count(DocumentFormat.JPEG, Arrays.copyOf(jpeg, jpeg.length - 2)))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("end-of-image");
        assertThatThrownBy(() -> count(DocumentFormat.JPEG, Arrays.copyOf(jpeg, 40))).isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void truncatedRasterIsRefused() {
        byte[] pwg = SampleDocuments.pwg(2, 200, 100);
        assertThatThrownBy(() -> count(DocumentFormat.PWG_RASTER, Arrays.copyOf(pwg, pwg.length - 10)))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("ends");
        assertThatThrownBy(() -> count(DocumentFormat.PWG_RASTER, Arrays.copyOf(pwg, 4 + 1000)))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("header");
        byte[] urf = SampleDocuments.urf(1, 1, 100, 50);
        assertThatThrownBy(() -> count(DocumentFormat.URF, Arrays.copyOf(urf, urf.length - 1)))
                .isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void absurdRasterDimensionsAreRefusedBeforeAnyBufferIsSized() {
        var out = new ByteArrayOutputStream();
        out.writeBytes("UNIRAST\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(1).array());
        out.writeBytes(SampleDocuments.urfPageHeader(24, 1, Integer.MAX_VALUE, 2_000_000_000, 300));
        assertThatThrownBy(() -> count(DocumentFormat.URF, out.toByteArray()))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("outside the accepted");

        byte[] pwg = SampleDocuments.pwg(1, 200, 100);
        ByteBuffer.wrap(pwg).putInt(4 + 372, 1_000_000).putInt(4 + 376, 1_000_000);
        assertThatThrownBy(() -> count(DocumentFormat.PWG_RASTER, pwg))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("outside the accepted");
    }

    @Test
    void aPdfWithACyclicPageTreeIsRefused() {
        String cyclic = SampleDocuments.pdfWithPageTree("""
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >> endobj
                """, 3);
        assertThatThrownBy(() -> count(DocumentFormat.PDF, cyclic.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void aPdfWithAPageTreeDeeperThanTheLimitIsRefused() {
        int depth = 100;
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            int id = 2 + i;
            objects.append(id).append(" 0 obj << /Type /Pages /Kids [").append(id + 1).append(" 0 R] /Count 1 >> endobj\n");
        }
        objects.append(2 + depth).append(" 0 obj << /Type /Page /MediaBox [0 0 612 792] >> endobj\n");
        String deep = SampleDocuments.pdfWithPageTree(objects.toString(), 2 + depth);
        assertThatThrownBy(() -> count(DocumentFormat.PDF, deep.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("deeper")
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.PDF_TREE_DEPTH));
    }

    static Limit pastLimit(Throwable refusal) {
        assertThat(refusal).isInstanceOf(DocumentLimitExceededException.class);
        return ((DocumentLimitExceededException) refusal).kind();
    }

    @Test
    void theUrfOfTheFindingIsRefusedForWhatItsPagesDecodeTo() {
        byte[] urf = SampleDocuments.hostileUrf(10_000, 65_535, 65_535);
        assertThatThrownBy(() -> count(DocumentFormat.URF, urf))
                .hasMessageContaining("decodes to 68717379600 bytes, more than the largest page accepted (1073741824 bytes)")
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.RASTER_PAGE_SIZE));
        assertThatThrownBy(() -> count(DocumentFormat.PWG_RASTER, SampleDocuments.hostilePwg(1, 65_535, 2048)))
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.RASTER_PAGE_SIZE));
    }

    @Test
    void hostileRasterWithinThePageSizeIsCountedAndPastThePageLimitRefused() {
        // 1 MB lines, 1024 of them: just under 1 GiB a page, in 40 bytes
        assertThat(count(DocumentFormat.URF, SampleDocuments.hostileUrf(10_000, 65_535, 1024))).isEqualTo(10_000);
        assertThatThrownBy(() -> count(DocumentFormat.URF, SampleDocuments.hostileUrf(10_001, 65_535, 1024)))
                .hasMessage("the document has more than 10000 pages")
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.PAGES));
        assertThat(count(DocumentFormat.PWG_RASTER, SampleDocuments.hostilePwg(2, 65_535, 1024))).isEqualTo(2);
        counter = new PageCounter(new PageCounter.Limits(1, 64, 1_000_000, 65_535, 65_535, 1L << 30, 65_535));
        assertThatThrownBy(() -> count(DocumentFormat.PWG_RASTER, SampleDocuments.hostilePwg(2, 65_535, 1024)))
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.PAGES));
    }

    @Test
    void aPdfWithMorePagesThanTheLimitIsRefused() {
        counter = new PageCounter(new PageCounter.Limits(20, 64, 1_000_000, 65_535, 65_535, 1L << 30, 65_535));
        assertThat(count(DocumentFormat.PDF, SampleDocuments.pdf(20))).isEqualTo(20);
        assertThatThrownBy(() -> count(DocumentFormat.PDF, SampleDocuments.pdf(21)))
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.PAGES));
    }

    @Test
    void aPdfWhosePageTreeNodeHasMoreKidsThanTheTreeMayHaveNodesIsRefusedBeforeTheyAreQueued() {
        String kids = " 3 0 R".repeat(21_001);
        String wide = SampleDocuments.pdfWithPageTree("2 0 obj << /Type /Pages /Kids [" + kids + "] /Count 21001 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n", 3);
        assertThatThrownBy(() -> count(DocumentFormat.PDF, wide.getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("the PDF's page tree has more than 21000 nodes")
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.PDF_TREE_NODES));
    }

    @Test
    void aPdfOfMoreObjectsThanTheLimitIsRefusedBeforeItsPageTreeIsRead() {
        counter = new PageCounter(new PageCounter.Limits(10_000, 64, 1000, 65_535, 65_535, 1L << 30, 65_535));
        assertThat(count(DocumentFormat.PDF, manyObjects(990))).isEqualTo(1);
        assertThatThrownBy(() -> count(DocumentFormat.PDF, manyObjects(1001)))
                .hasMessageContaining("more than the 1000 accepted")
                .satisfies(e -> assertThat(pastLimit(e)).isEqualTo(Limit.PDF_OBJECTS));
    }

    @Test
    void aPdfWhoseObjectsNestDeeperThanAParserCanFollowIsRefused() {
        String nested = "[".repeat(200_000) + "]".repeat(200_000);
        for (String objects : new String[] {
                "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /X " + nested + " >> endobj\n",
                "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /X "
                        + "<< /A ".repeat(100_000) + ">>".repeat(100_000) + " >> endobj\n"}) {
            byte[] pdf = SampleDocuments.pdfWithPageTree(objects, 3).getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> count(DocumentFormat.PDF, pdf)).isInstanceOf(InvalidDocumentException.class);
        }
    }

    /** A one-page PDF with {@code objects} objects listed in its cross-reference table (the catalog, the tree, its page, filler). */
    static byte[] manyObjects(int objects) {
        StringBuilder all = new StringBuilder("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n");
        for (int id = 4; id <= objects; id++) {
            all.append(id).append(" 0 obj ").append(id).append(" endobj\n");
        }
        return SampleDocuments.pdfWithPageTree(all.toString(), objects).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aJpegWithGarbageIsRefusedAsInvalidNotCountedAsAPage() {
        byte[] jpeg = SampleDocuments.jpeg(64, 64);
        byte[] garbageAfterStart = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8}, 4096);
        new java.util.Random(7).nextBytes(garbageAfterStart);
        garbageAfterStart[0] = (byte) 0xFF;
        garbageAfterStart[1] = (byte) 0xD8;
        garbageAfterStart[2] = 0x12;
        assertThatThrownBy(() -> count(DocumentFormat.JPEG, garbageAfterStart)).isInstanceOf(InvalidDocumentException.class)
                .isNotInstanceOf(DocumentLimitExceededException.class).hasMessageContaining("a JPEG marker was expected");

        byte[] endless = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, (byte) 0xFF, (byte) 0xFF}, 200);
        assertThatThrownBy(() -> count(DocumentFormat.JPEG, endless)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("ends too early");

        byte[] noFrame = jpeg.clone();
        for (int i = 2; i + 1 < noFrame.length; i++) {
            if ((noFrame[i] & 0xFF) == 0xFF && (noFrame[i + 1] & 0xFF) == 0xC0) {
                noFrame[i + 1] = (byte) 0xE5;
            }
        }
        assertThatThrownBy(() -> count(DocumentFormat.JPEG, noFrame)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("scan comes before any frame header");

        byte[] hugeFrame = jpeg.clone();
        for (int i = 2; i + 8 < hugeFrame.length; i++) {
            if ((hugeFrame[i] & 0xFF) == 0xFF && (hugeFrame[i + 1] & 0xFF) == 0xC0) {
                hugeFrame[i + 5] = (byte) 0xFF;
                hugeFrame[i + 6] = (byte) 0xFF;
                break;
            }
        }
        counter = new PageCounter(new PageCounter.Limits(10_000, 64, 1_000_000, 65_535, 65_535, 1L << 30, 4096));
        assertThatThrownBy(() -> count(DocumentFormat.JPEG, hugeFrame)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("outside the accepted dimensions");
    }
}
