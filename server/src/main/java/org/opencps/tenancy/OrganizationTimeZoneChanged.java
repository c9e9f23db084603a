package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An admin changed the time zone the organization's reports count days in (IANA ids, {@code before} and {@code after}). */
public record OrganizationTimeZoneChanged(OrgId orgId, String before, String after, UserId changedBy, Instant at,
                                          UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public OrganizationTimeZoneChanged(OrgId orgId, String before, String after, UserId changedBy, Instant at) {
        this(orgId, before, after, changedBy, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
