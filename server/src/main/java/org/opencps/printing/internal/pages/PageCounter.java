package org.opencps.printing.internal.pages;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.util.function.Supplier;
import org.opencps.printing.DocumentFormat;
import org.opencps.printing.DocumentLimitExceededException;
import org.opencps.printing.InvalidDocumentException;
import org.opencps.printing.internal.raster.RasterFormatException;
import org.opencps.printing.internal.raster.RasterLimits;
import org.opencps.printing.internal.raster.RasterReader;

/**
 * Counts a document's pages by its declared format, checking on the way that it is that format.
 * PDF needs random access (a seekable, decrypting channel); the others are read as a stream. No
 * pixel and no content stream is decoded: the work is bounded by the bytes received and the limits
 * below, and a document past a limit is refused with {@link DocumentLimitExceededException}.
 */
public final class PageCounter {

    public record Limits(int maxPages, int maxPdfTreeDepth, int maxPdfObjects, int maxRasterWidth, int maxRasterHeight,
                         long maxRasterPageBytes, int maxJpegDimension) {
    }

    private final Limits limits;

    public PageCounter(Limits limits) {
        this.limits = limits;
    }

    /** The pages of a document held whole in memory. */
    public int count(DocumentFormat format, byte[] document) {
        return count(format, () -> new ByteArrayInputStream(document), () -> new ByteArrayChannel(document));
    }

    public int count(DocumentFormat format, Supplier<InputStream> stream, Supplier<SeekableByteChannel> seekable) {
        try {
            return switch (format) {
                case PDF -> {
                    try (SeekableByteChannel channel = seekable.get()) {
                        yield new PdfPageCount(limits.maxPages(), limits.maxPdfTreeDepth(), limits.maxPdfObjects()).count(channel);
                    }
                }
                case JPEG -> {
                    try (InputStream in = new BufferedInputStream(stream.get(), 64 * 1024)) {
                        yield new JpegCheck(limits.maxJpegDimension()).count(in);
                    }
                }
                case PWG_RASTER, URF -> {
                    try (InputStream in = new BufferedInputStream(stream.get(), 64 * 1024)) {
                        yield countRaster(format, in);
                    }
                }
            };
        } catch (RasterFormatException e) {
            throw new InvalidDocumentException("not valid " + format.mediaType() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the document to count its pages", e);
        }
    }

    private int countRaster(DocumentFormat format, InputStream in) throws IOException {
        var rasterLimits = new RasterLimits(limits.maxRasterWidth(), limits.maxRasterHeight(), limits.maxRasterPageBytes());
        RasterReader reader = format == DocumentFormat.URF ? RasterReader.urf(in, rasterLimits) : RasterReader.pwg(in, rasterLimits);
        int pages = 0;
        while (reader.nextPage() != null) {
            if (++pages > limits.maxPages()) {
                throw tooManyPages(limits.maxPages());
            }
        }
        if (pages == 0) {
            throw new InvalidDocumentException("the raster document has no pages");
        }
        return pages;
    }

    static DocumentLimitExceededException tooManyPages(int maxPages) {
        return new DocumentLimitExceededException(DocumentLimitExceededException.Limit.PAGES, maxPages,
                "the document has more than " + maxPages + " pages");
    }
}
