package org.opencps.printing;

import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.function.Supplier;
import org.opencps.printing.internal.PrintingProperties;
import org.opencps.printing.internal.pages.PageCounter;
import org.springframework.stereotype.Service;

/**
 * Counts a document's pages the way printing counts a submitted job's, within the same limits
 * ({@code opencps.printing.*}), for other modules that take documents too (scanning). A document
 * that is not what its format says is an {@link InvalidDocumentException}, one past a limit a
 * {@link DocumentLimitExceededException}.
 */
@Service
public class PageCounting {

    private final PageCounter counter;

    PageCounting(PrintingProperties properties) {
        this.counter = new PageCounter(new PageCounter.Limits(properties.maxPages(), properties.maxPdfTreeDepth(),
                properties.maxPdfObjects(), properties.maxRasterWidth(), properties.maxRasterHeight(),
                properties.maxRasterPageSize().toBytes(), properties.maxJpegDimension()));
    }

    /** PDF is read through {@code seekable}, the other formats through {@code stream}; each opened once and closed. */
    public int count(DocumentFormat format, Supplier<InputStream> stream, Supplier<SeekableByteChannel> seekable) {
        return counter.count(format, stream, seekable);
    }
}
