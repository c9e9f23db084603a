package org.opencps.client.print;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type sent for a file, from its extension. Anything else goes as
 * application/octet-stream, and the server recognizes PDF, JPEG, PWG raster and URF by their first bytes.
 */
final class DocumentTypes {

    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "pwg", "image/pwg-raster",
            "urf", "image/urf");

    private DocumentTypes() {
    }

    static String of(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, UNKNOWN);
    }
}
