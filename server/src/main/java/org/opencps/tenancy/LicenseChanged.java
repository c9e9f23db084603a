package org.opencps.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A customer's license was set: when the customer was created ({@code before} is null then) or
 * changed by an admin of the provider above it. Carries both licenses, for the audit trail and the
 * contract history.
 */
public record LicenseChanged(OrgId orgId, OrgId parentId, UserId changedBy, License before, License after, Instant at,
                             UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public LicenseChanged(OrgId orgId, OrgId parentId, UserId changedBy, License before, License after, Instant at) {
        this(orgId, parentId, changedBy, before, after, at, UUID.randomUUID());
    }
}
