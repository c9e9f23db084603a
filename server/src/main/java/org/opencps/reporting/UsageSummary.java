package org.opencps.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An organization's printing between two days (inclusive, UTC), from the pages devices reported:
 * totals, every day of the range, the devices and users that printed the most, and the environmental
 * figures of the totals (the organization's factors).
 */
public record UsageSummary(LocalDate from, LocalDate to, Totals totals, List<Day> days, List<Top> topDevices,
                           List<Top> topUsers, EnvironmentalFigures environment) {

    /**
     * {@code pageDifference}: reported minus counted pages (the reconciliation); {@code sheets}: paper taken (a
     * two-sided job half its pages, rounded up); {@code scannedPages}: of the scans received.
     */
    public record Totals(long jobs, long countedPages, long reportedPages, long pageDifference, long colorPages,
                         long monochromePages, long simplexPages, long duplexPages, long sheets, long scannedPages) {
    }

    public record Day(LocalDate day, long colorPages, long monochromePages) {
    }

    /** A device or a user (by id) and the pages it printed. */
    public record Top(UUID id, long pages, long colorPages, long monochromePages) {
    }
}
