package org.opencps.printing;

/**
 * The part of the organization's print policy a person releasing a job meets (see {@link
 * PrintSettings}): colour and one-sided asks are refused where black and white or duplex is
 * forced, and a release may print at most {@code maxPagesPerJob} pages x copies (null = no limit).
 */
public record ReleaseRules(boolean forceMonochrome, boolean forceDuplex, Integer maxPagesPerJob) {
}
