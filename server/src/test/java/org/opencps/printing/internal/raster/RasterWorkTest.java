package org.opencps.printing.internal.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.opencps.printing.SampleDocuments;

/**
 * Walking past rows costs steps in proportion to the bytes read, whatever the pages claim to
 * decode to; only decoding a row costs its pixels. Measured by the reader's own work counter
 * (one step per line-repeat byte and run, one per pixel byte written), never by time.
 */
class RasterWorkTest {

    /** No page-size cap, so that only the walk itself bounds the work. */
    static final RasterLimits UNCAPPED = new RasterLimits(65_535, 65_535, Long.MAX_VALUE);

    static int pages(RasterReader reader) throws IOException {
        int pages = 0;
        while (reader.nextPage() != null) {
            pages++;
        }
        return pages;
    }

    @Test
    void theUrfOfTheFindingIsCountedInNoMoreStepsThanItsBytes() throws IOException {
        byte[] urf = SampleDocuments.hostileUrf(10_000, 65_535, 65_535);
        assertThat(urf.length).as("544 bytes a page").isEqualTo(12 + 10_000 * 544);

        var reader = RasterReader.urf(new ByteArrayInputStream(urf), UNCAPPED);
        assertThat(pages(reader)).isEqualTo(10_000);
        assertThat(reader.bytesRead()).isEqualTo(urf.length);
        assertThat(reader.work()).isPositive().isLessThanOrEqualTo(reader.bytesRead());
    }

    @Test
    void theSameOnPwgRaster() throws IOException {
        byte[] pwg = SampleDocuments.hostilePwg(3, 65_535, 65_535);
        var reader = RasterReader.pwg(new ByteArrayInputStream(pwg), UNCAPPED);
        assertThat(pages(reader)).isEqualTo(3);
        assertThat(reader.bytesRead()).isEqualTo(pwg.length);
        assertThat(reader.work()).isPositive().isLessThanOrEqualTo(reader.bytesRead());
    }

    @Test
    void decodingARowIsWhatCostsItsPixels() throws IOException {
        var reader = RasterReader.urf(new ByteArrayInputStream(SampleDocuments.hostileUrf(1, 65_535, 65_535)), UNCAPPED);
        RasterPage page = reader.nextPage();
        byte[] row = new byte[page.bytesPerLine()];
        reader.nextRow(row);
        assertThat(page.bytesPerLine()).isEqualTo(65_535 * 16);
        assertThat(row).containsOnly((byte) 0xFF);
        assertThat(reader.work()).isGreaterThanOrEqualTo(page.bytesPerLine()).isGreaterThan(reader.bytesRead());
    }

    @Test
    void decodedRowsStillCarryTheirPixels() throws IOException {
        var reader = RasterReader.urf(new ByteArrayInputStream(SampleDocuments.urf(1, 1, 100, 50)), UNCAPPED);
        RasterPage page = reader.nextPage();
        byte[] row = new byte[page.bytesPerLine()];
        for (int y = 0; y < page.height(); y++) {
            reader.nextRow(row);
            assertThat(row).startsWith(10, 20, 30, 40, 50, 60, 200, 0, 0).endsWith(200, 0, 0);
        }
        assertThat(reader.nextPage()).isNull();

        var pwg = RasterReader.pwg(new ByteArrayInputStream(SampleDocuments.hostilePwg(1, 300, 20)), UNCAPPED);
        byte[] line = new byte[pwg.nextPage().bytesPerLine()];
        pwg.nextRow(line);
        assertThat(line).containsOnly(0);
        pwg.nextRow(line);
        assertThat(pwg.nextPage()).as("the page's other rows are walked past").isNull();
    }
}
