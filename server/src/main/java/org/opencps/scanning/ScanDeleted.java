package org.opencps.scanning;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A scan's document was deleted: by its owner ({@code by}), or by the retention purge ({@code by} null). */
public record ScanDeleted(OrgId org, UUID scan, UserId owner, UserId by, Instant at, UUID eventId, RequestOrigin origin) {

    public ScanDeleted(OrgId org, UUID scan, UserId owner, UserId by, Instant at) {
        this(org, scan, owner, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
