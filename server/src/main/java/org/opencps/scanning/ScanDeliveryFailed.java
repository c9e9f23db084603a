package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A scan's delivery failed for good (its owner is told by e-mail and can retry while it is kept). */
public record ScanDeliveryFailed(OrgId org, UUID scan, UserId owner, DestinationKind kind, int attempts, String reason,
                                 Instant at, UUID eventId, RequestOrigin origin) {

    public ScanDeliveryFailed(OrgId org, UUID scan, UserId owner, DestinationKind kind, int attempts, String reason, Instant at) {
        this(org, scan, owner, kind, attempts, reason, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
