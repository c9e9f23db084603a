package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A scan reached its destination ({@code attempts} it took). */
public record ScanDelivered(OrgId org, UUID scan, UserId owner, DestinationKind kind, int attempts, Instant at, UUID eventId, RequestOrigin origin) {

    public ScanDelivered(OrgId org, UUID scan, UserId owner, DestinationKind kind, int attempts, Instant at) {
        this(org, scan, owner, kind, attempts, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
