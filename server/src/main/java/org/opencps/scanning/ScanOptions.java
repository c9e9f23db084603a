package org.opencps.scanning;

import java.util.Set;

/**
 * How to scan for a workflow: the formats it takes, colour, resolution (dpi), duplex, a file-name
 * pattern and whether the PDF is encrypted with the workflow's password (never shown).
 */
public record ScanOptions(Set<ScanFormat> formats, ColorMode color, int resolution, boolean duplex, String fileNamePattern,
                          boolean encryptPdf) {

    public enum ColorMode { COLOR, GRAYSCALE, MONOCHROME }

    public static final String DEFAULT_FILE_NAME = "scan-{date}-{time}";

    public static final Set<Integer> RESOLUTIONS = Set.of(150, 200, 300, 400, 600);

    public static ScanOptions defaults() {
        return new ScanOptions(Set.of(ScanFormat.PDF, ScanFormat.JPEG), ColorMode.COLOR, 300, false, DEFAULT_FILE_NAME, false);
    }
}
