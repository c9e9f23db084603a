package org.opencps.reporting;

/**
 * What a usage report counts for one subject and period. Pages are what the devices reported
 * printed ({@code reportedPages} = colour + black and white = one-sided + two-sided);
 * {@code countedPages} is what quotas were charged, {@code pageDifference} reported minus counted.
 * {@code sheets}: paper taken (a two-sided job half its pages, rounded up). {@code scannedPages}:
 * pages of the scans received (counted from the documents; a Box-direct scan counts none). Refusals: releases refused over a quota or by the
 * print policy.
 */
public record UsageFigures(long jobs, long countedPages, long reportedPages, long colorPages, long monochromePages,
                           long simplexPages, long duplexPages, long sheets, long scannedPages, long refusedOverQuota,
                           long refusedByPolicy) {

    public static final UsageFigures ZERO = new UsageFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    @com.fasterxml.jackson.annotation.JsonProperty("pageDifference")
    public long pageDifference() {
        return reportedPages - countedPages;
    }

    /** The sheets two-sided printing saved: its pages on one side each, minus the sheets it took. */
    public long sheetsSavedByDuplex() {
        return duplexPages - (sheets - simplexPages);
    }

    public UsageFigures plus(UsageFigures o) {
        return new UsageFigures(jobs + o.jobs, countedPages + o.countedPages, reportedPages + o.reportedPages,
                colorPages + o.colorPages, monochromePages + o.monochromePages, simplexPages + o.simplexPages,
                duplexPages + o.duplexPages, sheets + o.sheets, scannedPages + o.scannedPages,
                refusedOverQuota + o.refusedOverQuota, refusedByPolicy + o.refusedByPolicy);
    }
}
