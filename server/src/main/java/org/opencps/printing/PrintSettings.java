package org.opencps.printing;

/**
 * An organization's print settings. {@code holdJobs} (default true): jobs wait for release; when
 * false a submitted job is completed at once and its document deleted (a queue for conformance
 * tests, or a site that only counts pages).
 */
public record PrintSettings(boolean holdJobs) {

    public static PrintSettings defaults() {
        return new PrintSettings(true);
    }
}
