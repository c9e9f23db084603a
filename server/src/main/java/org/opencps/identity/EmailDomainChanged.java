package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * An organization's claim of an e-mail domain changed: claimed, released, checked on demand by an admin, or verified
 * or lost at a scheduled check ({@code changedBy} null); for the audit trail.
 */
public record EmailDomainChanged(OrgId orgId, UserId changedBy, String domain, String change, Instant at, UUID eventId,
                                 RequestOrigin origin) {

    public EmailDomainChanged(OrgId orgId, UserId changedBy, String domain, String change, Instant at) {
        this(orgId, changedBy, domain, change, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
