package org.opencps.printing.internal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.internal.raster.RasterFormatException;
import org.opencps.printing.internal.raster.RasterLimits;
import org.opencps.printing.internal.raster.RasterReader;

/**
 * Any bytes given as a document of each format are either counted (1 to the page limit) or refused
 * with {@link InvalidDocumentException} (a {@code DocumentLimitExceededException} past a limit):
 * nothing else escapes. Raster is also walked by the reader alone, which must take no more steps
 * than the bytes it read, whatever the headers claim, so no input makes it work out of proportion.
 * Runs the seed corpus (PageCounterFuzzTestInputs) in every build; with JAZZER_FUZZ=1 it fuzzes
 * (see README, "Fuzzing").
 */
class PageCounterFuzzTest {

    /** Small limits, so that a fuzzed document stays cheap to count and its limits are reached. */
    static final int MAX_PAGES = 50;
    static final PageCounter COUNTER = new PageCounter(new PageCounter.Limits(MAX_PAGES, 16, 5000, 65_535, 65_535, 64L << 20, 65_535));
    static final RasterLimits UNCAPPED = new RasterLimits(65_535, 65_535, Long.MAX_VALUE);

    interface Opener {
        RasterReader open(InputStream in, RasterLimits limits) throws IOException;
    }

    @FuzzTest(maxDuration = "30s")
    void urfIsCountedOrRefusedInStepsBoundedByItsBytes(byte[] input) throws IOException {
        countedOrRefused(DocumentFormat.URF, input);
        walkedInNoMoreStepsThanBytes(RasterReader::urf, input);
    }

    @FuzzTest(maxDuration = "30s")
    void pwgRasterIsCountedOrRefusedInStepsBoundedByItsBytes(byte[] input) throws IOException {
        countedOrRefused(DocumentFormat.PWG_RASTER, input);
        walkedInNoMoreStepsThanBytes(RasterReader::pwg, input);
    }

    @FuzzTest(maxDuration = "30s")
    void pdfIsCountedOrRefused(byte[] input) {
        countedOrRefused(DocumentFormat.PDF, input);
    }

    @FuzzTest(maxDuration = "30s")
    void jpegIsOnePageOrRefused(byte[] input) {
        Integer pages = countedOrRefused(DocumentFormat.JPEG, input);
        if (pages != null) {
            assertThat(pages).isEqualTo(1);
        }
    }

    /** The pages counted, or null when the document was refused as it may be. */
    private static Integer countedOrRefused(DocumentFormat format, byte[] input) {
        int pages;
        try {
            pages = COUNTER.count(format, input);
        } catch (InvalidDocumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return null;
        }
        assertThat(pages).isBetween(1, MAX_PAGES);
        return pages;
    }

    /** Without a page-size cap, and over more pages than the counter takes: only the walk bounds the work. */
    private static void walkedInNoMoreStepsThanBytes(Opener opener, byte[] input) throws IOException {
        RasterReader reader;
        try {
            reader = opener.open(new ByteArrayInputStream(input), UNCAPPED);
        } catch (RasterFormatException refused) {
            return;
        }
        try {
            for (int page = 0; page < 10 * MAX_PAGES && reader.nextPage() != null; page++) {
                // walk every row of every page past without decoding it
            }
        } catch (RasterFormatException refused) {
            // bad data is refused; the steps taken up to there are what is checked
        } finally {
            assertThat(reader.work()).isLessThanOrEqualTo(reader.bytesRead());
        }
    }
}
