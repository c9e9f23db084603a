package org.opencps.printing;

import java.util.Arrays;
import java.util.Optional;

/** The document formats OpenCPS accepts for printing, by MIME media type. */
public enum DocumentFormat {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PWG_RASTER("image/pwg-raster"),
    URF("image/urf");

    private final String mediaType;

    DocumentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<DocumentFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }
}
