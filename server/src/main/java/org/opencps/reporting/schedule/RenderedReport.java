package org.opencps.reporting.schedule;

import java.util.Objects;
import org.opencps.reporting.ExportFormat;

/** One report as a file: a base name (no extension), its format and its bytes. */
public record RenderedReport(String baseName, ExportFormat format, byte[] content) {

    public RenderedReport {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(format, "format");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String fileName() {
        return baseName + "." + format.extension();
    }
}
