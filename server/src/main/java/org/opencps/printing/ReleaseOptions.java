package org.opencps.printing;

/** What the person changes at release; a null keeps what the job's ticket says. */
public record ReleaseOptions(Integer copies, JobTicket.ColorMode colorMode, JobTicket.Sides sides) {

    /** The most copies a job may print, asked at submission or at release. */
    public static final int MAX_COPIES = 999;

    public static ReleaseOptions none() {
        return new ReleaseOptions(null, null, null);
    }
}
