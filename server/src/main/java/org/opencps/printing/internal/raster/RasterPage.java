package org.opencps.printing.internal.raster;

/** One page of a raster document: its size in pixels, resolution and pixel layout. */
public record RasterPage(int width, int height, int bitsPerPixel, int bytesPerLine, int dpi, boolean color) {

    /** The unit runs are counted in: one pixel, or one byte of pixels below 8 bits per pixel. */
    int bytesPerUnit() {
        return Math.max(1, bitsPerPixel / 8);
    }
}
