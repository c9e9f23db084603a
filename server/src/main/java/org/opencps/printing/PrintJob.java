package org.opencps.printing;

import java.time.Instant;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A print job as its owner sees it. Pages are counted from the document at submission. {@code
 * delivery} says where and how it was released and, once printed, what the device reported; null
 * while it is held (again) or was never released.
 */
public record PrintJob(OrgId orgId, JobId id, UserId owner, String name, DocumentFormat format, long size, int pages,
                       int copies, JobTicket.Sides sides, JobTicket.ColorMode colorMode, String media,
                       JobTicket.Source source, State state, Instant submittedAt, Instant expiresAt, Delivery delivery) {

    public enum State { HELD, RELEASED, PRINTING, COMPLETED, FAILED, CANCELED, EXPIRED }

    /** A job not (or no longer) released. */
    public PrintJob(OrgId orgId, JobId id, UserId owner, String name, DocumentFormat format, long size, int pages,
                    int copies, JobTicket.Sides sides, JobTicket.ColorMode colorMode, String media,
                    JobTicket.Source source, State state, Instant submittedAt, Instant expiresAt) {
        this(orgId, id, owner, name, format, size, pages, copies, sides, colorMode, media, source, state, submittedAt,
                expiresAt, null);
    }

    /**
     * The release: device, time, the ticket printed with (policy and overrides applied), the pages
     * counted (pages x copies, what quotas were charged) and, once the device reported, the pages
     * it says it printed and the difference (reported minus counted).
     */
    public record Delivery(DeviceId device, Instant releasedAt, int copies, JobTicket.ColorMode colorMode,
                           JobTicket.Sides sides, int countedPages, Integer reportedPages, Integer pageDifference,
                           Instant completedAt) {

        public static Delivery of(DeviceId device, Instant releasedAt, int copies, JobTicket.ColorMode colorMode,
                                  JobTicket.Sides sides, int countedPages, Integer reportedPages, Instant completedAt) {
            return new Delivery(device, releasedAt, copies, colorMode, sides, countedPages, reportedPages,
                    reportedPages == null ? null : reportedPages - countedPages, completedAt);
        }
    }
}
