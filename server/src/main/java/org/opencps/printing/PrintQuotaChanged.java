package org.opencps.printing;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * A print manager or admin set (or, with both limits null, removed) a user's or group's monthly quota: {@code before}
 * is the quota in force until then (both limits null when there was none), {@code after} the one set.
 */
public record PrintQuotaChanged(OrgId org, PrintQuota before, PrintQuota after, UserId by, Instant at, UUID eventId,
                                RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public PrintQuotaChanged(OrgId org, PrintQuota before, PrintQuota after, UserId by, Instant at) {
        this(org, before, after, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
