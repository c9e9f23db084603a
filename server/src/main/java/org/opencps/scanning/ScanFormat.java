package org.opencps.scanning;

import java.util.Arrays;
import java.util.Optional;

/** The document formats a device uploads scans in. */
public enum ScanFormat {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg");

    private final String mediaType;
    private final String extension;

    ScanFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ScanFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }
}
