package org.opencps.printing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code opencps.printing.*}: the limits a submitted document must keep (size, pages, raster and
 * JPEG dimensions, PDF page-tree depth) and how often held jobs are checked for expiry.
 */
@ConfigurationProperties("opencps.printing")
public record PrintingProperties(
        @DefaultValue("2GB") DataSize maxDocumentSize,
        @DefaultValue("10000") int maxPages,
        @DefaultValue("64") int maxPdfTreeDepth,
        @DefaultValue("65535") int maxRasterWidth,
        @DefaultValue("65535") int maxRasterHeight,
        @DefaultValue("65535") int maxJpegDimension,
        @DefaultValue("1m") Duration expiryCheckInterval) {

    public PrintingProperties {
        if (maxDocumentSize.toBytes() <= 0 || maxPages <= 0 || maxPdfTreeDepth <= 0 || maxRasterWidth <= 0
                || maxRasterHeight <= 0 || maxJpegDimension <= 0) {
            throw new IllegalArgumentException("opencps.printing limits must be positive");
        }
    }
}
