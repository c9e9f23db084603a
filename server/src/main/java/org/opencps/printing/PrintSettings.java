package org.opencps.printing;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An organization's print settings and policies.
 * <ul>
 * <li>{@code holdJobs} (default true): jobs wait for release; when false a submitted job is
 * completed at once and its document deleted (a queue for conformance tests, or a site that only
 * counts pages).</li>
 * <li>{@code forceMonochrome}: every job prints in black and white (and is charged as such);
 * asking for colour at release is refused.</li>
 * <li>{@code forceDuplex}: every job prints on both sides; asking for one-sided at release is refused.</li>
 * <li>{@code maxPagesPerJob}: the most pages (pages x copies) one release may print; null = no limit.</li>
 * <li>{@code allowedFormats}: the document formats accepted at submission (null = all; in order).</li>
 * </ul>
 */
public record PrintSettings(boolean holdJobs, boolean forceMonochrome, boolean forceDuplex, Integer maxPagesPerJob,
                            Set<DocumentFormat> allowedFormats) {

    public static final int MAX_PAGES_PER_JOB_LIMIT = 100_000;

    public PrintSettings {
        EnumSet<DocumentFormat> formats = EnumSet.noneOf(DocumentFormat.class);
        formats.addAll(allowedFormats == null ? EnumSet.allOf(DocumentFormat.class) : allowedFormats);
        allowedFormats = Collections.unmodifiableSet(formats);
    }

    /** The defaults, holding jobs or not. */
    public PrintSettings(boolean holdJobs) {
        this(holdJobs, false, false, null, null);
    }

    public static PrintSettings defaults() {
        return new PrintSettings(true);
    }

    public boolean allows(DocumentFormat format) {
        return allowedFormats.contains(format);
    }
}
