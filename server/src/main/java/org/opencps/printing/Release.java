package org.opencps.printing;

import java.time.Instant;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A job released to a device: the ticket to print with, the organization's policy and the
 * person's overrides already applied. {@code colorMode} is COLOR or MONOCHROME, never AUTO.
 * {@code chargedPages} = pages x copies, what the quota was charged.
 */
public record Release(OrgId orgId, JobId jobId, UserId owner, String name, DocumentFormat format, int pages, int copies,
                      JobTicket.ColorMode colorMode, JobTicket.Sides sides, String media, int chargedPages,
                      DeviceId device, Instant releasedAt) {
}
