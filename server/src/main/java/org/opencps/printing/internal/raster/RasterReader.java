package org.opencps.printing.internal.raster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.opencps.printing.DocumentLimitExceededException;

/**
 * A streaming decoder for PWG and Apple (URF) raster: page headers, then rows. Both compress each
 * line the same way (PWG 5102.4 section 4.3.1, as CUPS implements it): a line-repeat byte (the line
 * is used n+1 times), then runs until the line is full: 0..127 repeats the next pixel n+1 times,
 * 129..255 copies 257-n literal pixels (CUPS also reads 128 so, as 129 literal pixels); in URF,
 * 128 fills the rest of the line with white.
 * <p>
 * Rows are decoded only when asked for ({@link #nextRow}), into one line, never a page. Rows
 * skipped by {@link #nextPage} (all of them, when only pages are counted) are walked by their run
 * structure alone: no pixel is written, a repeated line is skipped in one step, and every step
 * consumes at least one byte, so skipping costs at most {@link #bytesRead()} steps however large
 * the pages claim to be. {@link #work()} counts those steps and every pixel byte written.
 */
public abstract class RasterReader {

    private final InputStream in;
    private final RasterLimits limits;
    private RasterPage page;
    private byte[] line;
    private int rowsLeft;
    private int repeatsLeft;
    private long bytesRead;
    private long work;

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

    /** The next page's header, or null after the last page. Rows left of the current page are skipped undecoded. */
    public RasterPage nextPage() throws IOException {
        skipRestOfPage();
        page = readPageHeader();
        if (page == null) {
            return null;
        }
        check(page);
        rowsLeft = page.height();
        repeatsLeft = 0;
        return page;
    }

    /** Decodes the next row of the current page into {@code row} (or only checks it when null). */
    public void nextRow(byte[] row) throws IOException {
        if (page == null || rowsLeft == 0) {
            throw new IllegalStateException("no row left on this page");
        }
        if (line == null || line.length != page.bytesPerLine()) {
            line = new byte[page.bytesPerLine()];
        }
        if (repeatsLeft == 0) {
            work++;
            repeatsLeft = readByte() + 1;
            walkLine(true);
        }
        repeatsLeft--;
        rowsLeft--;
        if (row != null) {
            System.arraycopy(line, 0, row, 0, line.length);
            work += line.length;
        }
    }

    /** Bytes consumed from the document so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Steps taken so far: one per line-repeat byte and per run, plus one per pixel byte written. */
    public long work() {
        return work;
    }

    /** Whether 128 fills the rest of the line with white (URF) rather than starting 129 literals (PWG). */
    protected abstract boolean fillCodeEndsLine();

    /** Reads the next page header, or null at a clean end of the document. */
    protected abstract RasterPage readPageHeader() throws IOException;

    /** Answers -1 at the end of the stream. */
    protected int readByteOrEnd() throws IOException {
        int b = in.read();
        if (b >= 0) {
            bytesRead++;
        }
        return b;
    }

    protected int readByte() throws IOException {
        int b = readByteOrEnd();
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
            bytesRead += n;
        }
    }

    private void skipRestOfPage() throws IOException {
        if (page == null) {
            return;
        }
        rowsLeft -= Math.min(repeatsLeft, rowsLeft);
        repeatsLeft = 0;
        while (rowsLeft > 0) {
            work++;
            int repeats = readByte() + 1;
            walkLine(false);
            rowsLeft -= Math.min(repeats, rowsLeft);
        }
    }

    /** Reads one compressed line: into {@link #line} when decoding, else only its run structure. */
    private void walkLine(boolean decode) throws IOException {
        int unit = page.bytesPerUnit();
        int length = page.bytesPerLine();
        int filled = 0;
        while (filled < length) {
            work++;
            int code = readByte();
            if (code == 128 && fillCodeEndsLine()) {
                if (decode) {
                    Arrays.fill(line, filled, length, (byte) 0xFF);
                    work += length - filled;
                }
                filled = length;
            } else if (code < 128) {
                int run = (code + 1) * unit;
                requireRoom(filled, run, length);
                if (decode) {
                    readFully(line, filled, unit);
                    for (int i = unit; i < run; i++) {
                        line[filled + i] = line[filled + i - unit];
                    }
                    work += run;
                } else {
                    skip(unit);
                }
                filled += run;
            } else {
                int run = (257 - code) * unit;
                requireRoom(filled, run, length);
                if (decode) {
                    readFully(line, filled, run);
                    work += run;
                } else {
                    skip(run);
                }
                filled += run;
            }
        }
    }

    private void skip(int n) throws IOException {
        int left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                readByte();
                skipped = 1;
            } else {
                bytesRead += skipped;
            }
            left -= (int) skipped;
        }
    }

    private static void requireRoom(int filled, int run, int length) throws RasterFormatException {
        if (filled + run > length) {
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
        long pageBytes = (long) p.bytesPerLine() * p.height();
        if (pageBytes > limits.maxPageBytes()) {
            throw new DocumentLimitExceededException(DocumentLimitExceededException.Limit.RASTER_PAGE_SIZE, limits.maxPageBytes(),
                    "a raster page of " + p.width() + " x " + p.height() + " pixels at " + bits + " bits per pixel decodes to "
                            + pageBytes + " bytes, more than the largest page accepted (" + limits.maxPageBytes() + " bytes)");
        }
    }
}
