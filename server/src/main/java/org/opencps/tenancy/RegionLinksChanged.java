package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** The root provider's links for a region changed ({@code before} is null when the region had none). */
public record RegionLinksChanged(OrgId rootId, RegionLinks before, RegionLinks after, UserId changedBy, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public RegionLinksChanged(OrgId rootId, RegionLinks before, RegionLinks after, UserId changedBy, Instant at) {
        this(rootId, before, after, changedBy, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
