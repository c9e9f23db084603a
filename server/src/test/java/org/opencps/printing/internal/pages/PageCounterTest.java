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
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.SampleDocuments;

/** Pages counted from real documents of each format; documents that lie about their format refused. */
class PageCounterTest {

    @TempDir
    Path temp;

    final PageCounter counter = new PageCounter(new PageCounter.Limits(10_000, 64, 65_535, 65_535, 65_535));

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
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("deeper");
    }
}
