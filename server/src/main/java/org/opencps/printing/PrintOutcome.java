package org.opencps.printing;

/**
 * What a device reports after printing a released job: whether it printed, the pages it says it
 * printed (all, colour, monochrome), whether it printed on both sides, and a message (a failure's
 * reason, say). Page figures are the device's own; they are recorded beside the counted pages.
 */
public record PrintOutcome(boolean success, int pagesPrinted, int colorPages, int monochromePages, boolean duplex,
                           String message) {
}
