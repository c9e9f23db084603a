package org.opencps.printing.internal.raster;

/** The largest raster page accepted; a header past these is refused before any buffer is sized. */
public record RasterLimits(int maxWidth, int maxHeight) {
}
