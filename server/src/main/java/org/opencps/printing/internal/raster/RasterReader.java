package org.opencps.printing.internal.raster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A streaming decoder for PWG and Apple (URF) raster: page headers, then rows. Both compress each
 * line the same way (PWG 5102.4 section 4.3.1, as CUPS implements it): a line-repeat byte (the line
 * is used n+1 times), then runs until the line is full: 0..127 repeats the next pixel n+1 times,
 * 129..255 copies 257-n literal pixels (CUPS also reads 128 so, as 129 literal pixels); in URF,
 * 128 fills the rest of the line with white. The reader holds one line, never a page.
 */
public abstract class RasterReader {

    private final InputStream in;
    private final RasterLimits limits;
    private RasterPage page;
    private byte[] line;
    private int rowsLeft;
    private int repeatsLeft;

    protected RasterReader(InputStream in, RasterLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    public static RasterReader pwg(InputStream in, RasterLimits limits) throws IOException {
        return new PwgRasterReader(in, limits);
    }

    public static RasterReader urf(InputStream in, RasterLimits limits) throws IOException {
        return new UrfRasterReader(in, limits);
    }

    /** The next page's header, or null after the last page. Rows left of the current page are skipped. */
    public RasterPage nextPage() throws IOException {
        while (page != null && rowsLeft > 0) {
            nextRow(null);
        }
        page = readPageHeader();
        if (page == null) {
            return null;
        }
        check(page);
        line = new byte[page.bytesPerLine()];
        rowsLeft = page.height();
        repeatsLeft = 0;
        return page;
    }

    /** Decodes the next row of the current page into {@code row} (or only checks it when null). */
    public void nextRow(byte[] row) throws IOException {
        if (page == null || rowsLeft == 0) {
            throw new IllegalStateException("no row left on this page");
        }
        if (repeatsLeft == 0) {
            repeatsLeft = readByte() + 1;
            decodeLine();
        }
        repeatsLeft--;
        rowsLeft--;
        if (row != null) {
            System.arraycopy(line, 0, row, 0, line.length);
        }
    }

    /** Whether 128 fills the rest of the line with white (URF) rather than starting 129 literals (PWG). */
    protected abstract boolean fillCodeEndsLine();

    /** Reads the next page header, or null at a clean end of the document. */
    protected abstract RasterPage readPageHeader() throws IOException;

    /** Answers -1 at the end of the stream. */
    protected int readByteOrEnd() throws IOException {
        return in.read();
    }

    protected int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new RasterFormatException("the raster data ends in the middle of a page");
        }
        return b;
    }

    protected void readFully(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
        }
    }

    private void decodeLine() throws IOException {
        int unit = page.bytesPerUnit();
        int filled = 0;
        while (filled < line.length) {
            int code = readByte();
            if (code == 128 && fillCodeEndsLine()) {
                Arrays.fill(line, filled, line.length, (byte) 0xFF);
                filled = line.length;
            } else if (code < 128) {
                int length = (code + 1) * unit;
                requireRoom(filled, length);
                for (int i = 0; i < unit; i++) {
                    line[filled + i] = (byte) readByte();
                }
                for (int i = unit; i < length; i++) {
                    line[filled + i] = line[filled + i - unit];
                }
                filled += length;
            } else {
                int length = (257 - code) * unit;
                requireRoom(filled, length);
                try {
                    readFully(line, filled, length);
                } catch (EOFException e) {
                    throw new RasterFormatException("the raster data ends in the middle of a line");
                }
                filled += length;
            }
        }
    }

    private void requireRoom(int filled, int length) throws RasterFormatException {
        if (filled + length > line.length) {
            throw new RasterFormatException("a compressed run goes past the end of its line");
        }
    }

    private void check(RasterPage p) throws RasterFormatException {
        if (p.width() <= 0 || p.height() <= 0 || p.width() > limits.maxWidth() || p.height() > limits.maxHeight()) {
            throw new RasterFormatException("a raster page of " + p.width() + " x " + p.height()
                    + " pixels is outside the accepted 1 x 1 to " + limits.maxWidth() + " x " + limits.maxHeight());
        }
        int bits = p.bitsPerPixel();
        boolean validBits = bits == 1 || bits == 2 || bits == 4 || (bits % 8 == 0 && bits >= 8 && bits <= 128);
        if (!validBits) {
            throw new RasterFormatException("unsupported raster depth of " + bits + " bits per pixel");
        }
        long expected = ((long) p.width() * bits + 7) / 8;
        if (p.bytesPerLine() != expected) {
            throw new RasterFormatException("the raster line length " + p.bytesPerLine() + " does not match "
                    + p.width() + " pixels of " + bits + " bits");
        }
        if (bits >= 8 && p.bytesPerLine() % p.bytesPerUnit() != 0) {
            throw new RasterFormatException("the raster line is not a whole number of pixels");
        }
    }
}
