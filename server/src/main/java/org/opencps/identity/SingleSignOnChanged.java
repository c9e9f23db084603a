package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A customer admin changed the organization's single sign-on (provider or sign-in policy); for the audit trail. */
public record SingleSignOnChanged(OrgId orgId, UserId changedBy, String change, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public SingleSignOnChanged(OrgId orgId, UserId changedBy, String change, Instant at) {
        this(orgId, changedBy, change, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
