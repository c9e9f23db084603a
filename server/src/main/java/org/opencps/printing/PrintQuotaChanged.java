package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A print manager or admin set (or, with both limits null, removed) a user's or group's monthly quota. */
public record PrintQuotaChanged(OrgId org, PrintQuota.Scope scope, UUID id, Integer colorPagesPerMonth,
                                Integer monochromePagesPerMonth, UserId by, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public PrintQuotaChanged(OrgId org, PrintQuota.Scope scope, UUID id, Integer colorPagesPerMonth,
                             Integer monochromePagesPerMonth, UserId by, Instant at) {
        this(org, scope, id, colorPagesPerMonth, monochromePagesPerMonth, by, at, UUID.randomUUID());
    }
}
