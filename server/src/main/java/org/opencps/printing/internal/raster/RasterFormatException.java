package org.opencps.printing.internal.raster;

import java.io.IOException;

/** The raster data is not what its format says: bad header, bad compression, or it ends too early. */
public class RasterFormatException extends IOException {

    public RasterFormatException(String message) {
        super(message);
    }
}
