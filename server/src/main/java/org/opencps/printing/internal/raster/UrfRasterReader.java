package org.opencps.printing.internal.raster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Apple raster (URF), as CUPS documents it: "UNIRAST\0", a big-endian 32-bit page count, then per
 * page a 32-byte header (bits per pixel, color space, duplex, quality, then width, height and
 * resolution as big-endian 32-bit numbers at bytes 12, 16 and 20) and its rows.
 */
final class UrfRasterReader extends RasterReader {

    static final int HEADER_SIZE = 32;
    private static final byte[] SYNC = "UNIRAST\0".getBytes(StandardCharsets.US_ASCII);
    /** Components per color space code 0..6 (sGray, sRGB, CIELab, AdobeRGB, gray, RGB, CMYK). */
    private static final int[] COMPONENTS = {1, 3, 3, 3, 1, 3, 4};

    private final long declaredPages;
    private final byte[] header = new byte[HEADER_SIZE];
    private long pagesRead;

    UrfRasterReader(InputStream in, RasterLimits limits) throws IOException {
        super(in, limits);
        byte[] start = new byte[12];
        try {
            readFully(start, 0, 12);
        } catch (EOFException e) {
            throw new RasterFormatException("not URF: the document is too short");
        }
        if (!java.util.Arrays.equals(java.util.Arrays.copyOf(start, 8), SYNC)) {
            throw new RasterFormatException("not URF: it does not start with UNIRAST");
        }
        declaredPages = ByteBuffer.wrap(start, 8, 4).getInt() & 0xFFFFFFFFL;
    }

    /** The page count the file header declares (0 when the writer did not know it). */
    public long declaredPages() {
        return declaredPages;
    }

    @Override
    protected boolean fillCodeEndsLine() {
        return true;
    }

    @Override
    protected RasterPage readPageHeader() throws IOException {
        int first = readByteOrEnd();
        if (first < 0) {
            if (declaredPages != 0 && pagesRead != declaredPages) {
                throw new RasterFormatException("the URF header declares " + declaredPages + " pages but "
                        + pagesRead + " follow");
            }
            return null;
        }
        if (declaredPages != 0 && pagesRead == declaredPages) {
            throw new RasterFormatException("the URF document has more pages than its header declares");
        }
        header[0] = (byte) first;
        try {
            readFully(header, 1, HEADER_SIZE - 1);
        } catch (EOFException e) {
            throw new RasterFormatException("the raster data ends inside a page header");
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        int bitsPerPixel = header[0] & 0xFF;
        int colorSpace = header[1] & 0xFF;
        if (colorSpace >= COMPONENTS.length) {
            throw new RasterFormatException("unknown URF color space " + colorSpace);
        }
        if (bitsPerPixel < 8 || bitsPerPixel % (8 * COMPONENTS[colorSpace]) != 0) {
            throw new RasterFormatException("URF pages of color space " + colorSpace + " cannot have "
                    + bitsPerPixel + " bits per pixel");
        }
        int width = fields.getInt(12);
        int height = fields.getInt(16);
        int dpi = fields.getInt(20);
        pagesRead++;
        long bytesPerLine = (long) Math.max(width, 0) * bitsPerPixel / 8;
        return new RasterPage(width, height, bitsPerPixel, (int) Math.min(bytesPerLine, Integer.MAX_VALUE), dpi,
                COMPONENTS[colorSpace] > 1);
    }
}
