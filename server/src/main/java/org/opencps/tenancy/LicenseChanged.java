package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * A customer's license was set: when the customer was created ({@code before} is null then) or
 * changed by an admin of the provider above it. Carries both licenses, for the audit trail and the
 * contract history.
 */
public record LicenseChanged(OrgId orgId, OrgId parentId, UserId changedBy, License before, License after, Instant at,
                             UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public LicenseChanged(OrgId orgId, OrgId parentId, UserId changedBy, License before, License after, Instant at) {
        this(orgId, parentId, changedBy, before, after, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
