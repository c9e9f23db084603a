package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A print manager or admin set (or, with both limits null, removed) a user's or group's monthly quota. */
public record PrintQuotaChanged(OrgId org, PrintQuota.Scope scope, UUID id, Integer colorPagesPerMonth,
                                Integer monochromePagesPerMonth, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintQuotaChanged(OrgId org, PrintQuota.Scope scope, UUID id, Integer colorPagesPerMonth,
                             Integer monochromePagesPerMonth, UserId by, Instant at) {
        this(org, scope, id, colorPagesPerMonth, monochromePagesPerMonth, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
