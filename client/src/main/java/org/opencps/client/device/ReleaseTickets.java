package org.opencps.client.device;

import java.util.Locale;
import java.util.Map;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.ipp.IppJob;
import org.opencps.client.ipp.PrintRequest;

/** From a release's ticket to IPP attributes, and from how the printer ended it to the outcome reported. */
public final class ReleaseTickets {

    private static final Map<String, String> FORMATS = Map.of(
            "PDF", "application/pdf",
            "JPEG", "image/jpeg",
            "PWG_RASTER", "image/pwg-raster",
            "URF", "image/urf");

    private ReleaseTickets() {
    }

    /**
     * The IPP job-name: the job's name and its OpenCPS id, so that after a crash the job can be found
     * on the printer again (Get-Jobs) instead of being sent twice.
     */
    public static String ippJobName(Release release) {
        String name = release.name() == null || release.name().isBlank() ? "OpenCPS job" : release.name().strip();
        // IPP names hold at most 255 octets; the id (and its brackets) must survive whole
        while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 200) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
        }
        return name + " [" + release.jobId() + "]";
    }

    public static PrintRequest printRequest(Release release) {
        String owner = release.owner() != null && release.owner().displayName() != null ? release.owner().displayName() : "opencps";
        return new PrintRequest(ippJobName(release), owner, mediaType(release.format()),
                release.copies() > 1 ? release.copies() : null, keyword(release.sides()), keyword(release.colorMode()),
                release.media());
    }

    /** A format name from the server (PDF, or application/pdf) as a MIME type. */
    static String mediaType(String format) {
        if (format == null || format.isBlank()) {
            return "application/octet-stream";
        }
        return format.contains("/") ? format : FORMATS.getOrDefault(format.toUpperCase(Locale.ROOT), "application/octet-stream");
    }

    /** TWO_SIDED_LONG_EDGE and two-sided-long-edge alike as the IPP keyword. */
    static String keyword(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The pages the release stands for: what was charged, else pages times copies. */
    static int expectedPages(Release release) {
        if (release.chargedPages() != null && release.chargedPages() > 0) {
            return release.chargedPages();
        }
        return release.pages() * Math.max(1, release.copies());
    }

    /** How the printer ended the job; the pages it counted when it says, else those expected when it completed. */
    public static Outcome fromPrinter(Release release, IppJob job) {
        Integer counted = job.impressionsCompleted();
        int pages = counted != null && counted > 0 ? counted : job.completed() ? expectedPages(release) : 0;
        String message = job.completed() ? null : "the printer " + job.state() + " the job"
                + (job.reasons().isEmpty() ? "" : " (" + String.join(", ", job.reasons()) + ")");
        return outcome(release, job.completed(), pages, message);
    }

    /** Printed in full (or, for a simulated device, taken as printed). */
    public static Outcome printed(Release release, String message) {
        return outcome(release, true, expectedPages(release), message);
    }

    public static Outcome failed(Release release, String message) {
        return outcome(release, false, 0, message);
    }

    private static Outcome outcome(Release release, boolean success, int pages, String message) {
        boolean color = "color".equals(keyword(release.colorMode()));
        String sides = keyword(release.sides());
        boolean duplex = sides != null && sides.startsWith("two-sided");
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500);
        }
        return new Outcome(success, pages, color ? pages : 0, color ? 0 : pages, duplex, message);
    }
}
