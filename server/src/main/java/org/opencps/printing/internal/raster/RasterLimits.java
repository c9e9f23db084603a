package org.opencps.printing.internal.raster;

/**
 * The largest raster page accepted: a header past these is refused before any buffer is sized.
 * {@code maxPageBytes} bounds what one page decodes to (line length x height), whatever its
 * compressed size: counting never decodes, but whoever prints or converts the page will.
 */
public record RasterLimits(int maxWidth, int maxHeight, long maxPageBytes) {
}
