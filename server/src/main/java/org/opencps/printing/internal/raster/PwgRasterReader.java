package org.opencps.printing.internal.raster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** PWG raster (PWG 5102.4): "RaS2", then per page a 1796-byte big-endian header and its rows. */
final class PwgRasterReader extends RasterReader {

    static final int HEADER_SIZE = 1796;
    private static final byte[] SYNC = "RaS2".getBytes(StandardCharsets.US_ASCII);

    private final byte[] header = new byte[HEADER_SIZE];

    PwgRasterReader(InputStream in, RasterLimits limits) throws IOException {
        super(in, limits);
        byte[] sync = new byte[4];
        try {
            readFully(sync, 0, 4);
        } catch (EOFException e) {
            throw new RasterFormatException("not PWG raster: the document is too short");
        }
        if (!java.util.Arrays.equals(sync, SYNC)) {
            throw new RasterFormatException("not PWG raster: it does not start with RaS2");
        }
    }

    @Override
    protected boolean fillCodeEndsLine() {
        return false;
    }

    @Override
    protected RasterPage readPageHeader() throws IOException {
        int first = readByteOrEnd();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        try {
            readFully(header, 1, HEADER_SIZE - 1);
        } catch (EOFException e) {
            throw new RasterFormatException("the raster data ends inside a page header");
        }
        if (!new String(header, 0, 9, StandardCharsets.US_ASCII).equals("PwgRaster")) {
            throw new RasterFormatException("a PWG raster page header does not start with PwgRaster");
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        int dpi = fields.getInt(276);
        int width = fields.getInt(372);
        int height = fields.getInt(376);
        int bitsPerPixel = fields.getInt(388);
        int bytesPerLine = fields.getInt(392);
        int colorOrder = fields.getInt(396);
        int numColors = fields.getInt(420);
        if (colorOrder != 0) {
            throw new RasterFormatException("PWG raster pages must be chunked (color order 0)");
        }
        return new RasterPage(width, height, bitsPerPixel, bytesPerLine, dpi, numColors > 1);
    }
}
