package org.opencps.ipp.internal;

import org.opencps.ipp.internal.protocol.PrinterCapabilities;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The IPP endpoint's settings ({@code opencps.ipp.*}). {@code allowBasicOverHttp} lets HTTP Basic
 * through on plain HTTP: only for local trials, since the password then crosses the network in
 * clear. {@code maxDocumentSize} bounds one document as received, after decompression.
 */
@ConfigurationProperties("opencps.ipp")
public record IppProperties(@DefaultValue("false") boolean allowBasicOverHttp,
                            @DefaultValue("512MB") DataSize maxDocumentSize,
                            @DefaultValue("iso_a4_210x297mm") String defaultMedia) {

    public IppProperties {
        if (maxDocumentSize.toBytes() <= 0) {
            throw new IllegalArgumentException("opencps.ipp.max-document-size must be positive");
        }
        if (!PrinterCapabilities.isMedia(defaultMedia)) {
            throw new IllegalArgumentException("opencps.ipp.default-media must be one of "
                    + PrinterCapabilities.MEDIA.stream().map(PrinterCapabilities.Media::name).toList());
        }
    }
}
