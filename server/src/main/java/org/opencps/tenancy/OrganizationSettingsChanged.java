package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** An organization's settings (sign-in, retention, IP allow-list) were changed, from {@code before} to {@code after}. */
public record OrganizationSettingsChanged(OrgId orgId, UserId changedBy, OrganizationSettings before, OrganizationSettings after,
                                          Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public OrganizationSettingsChanged(OrgId orgId, UserId changedBy, OrganizationSettings before, OrganizationSettings after,
                                       Instant at) {
        this(orgId, changedBy, before, after, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
