package org.opencps.printing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code opencps.printing.*}: the limits a submitted document must keep (size, pages, raster and
 * JPEG dimensions, the bytes a raster page decodes to, PDF objects and page-tree depth), how often held jobs are checked for expiry, and how long a
 * released job waits for its device's outcome before it is held again (its quota charge returned).
 */
@ConfigurationProperties("opencps.printing")
public record PrintingProperties(
        @DefaultValue("2GB") DataSize maxDocumentSize,
        @DefaultValue("10000") int maxPages,
        @DefaultValue("64") int maxPdfTreeDepth,
        @DefaultValue("1000000") int maxPdfObjects,
        @DefaultValue("65535") int maxRasterWidth,
        @DefaultValue("65535") int maxRasterHeight,
        @DefaultValue("1GB") DataSize maxRasterPageSize,
        @DefaultValue("65535") int maxJpegDimension,
        @DefaultValue("1m") Duration expiryCheckInterval,
        @DefaultValue("30m") Duration releaseTimeout,
        @DefaultValue("1m") Duration releaseCheckInterval) {

    public PrintingProperties {
        if (maxDocumentSize.toBytes() <= 0 || maxPages <= 0 || maxPdfTreeDepth <= 0 || maxPdfObjects <= 0 || maxRasterWidth <= 0
                || maxRasterHeight <= 0 || maxRasterPageSize.toBytes() <= 0 || maxJpegDimension <= 0) {
            throw new IllegalArgumentException("opencps.printing limits must be positive");
        }
        if (releaseTimeout.isNegative() || releaseTimeout.isZero()) {
            throw new IllegalArgumentException("opencps.printing.release-timeout must be positive");
        }
    }
}
