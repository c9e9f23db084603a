package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A customer admin changed the organization's second-factor requirement; the audit trail keeps before and after. */
public record SecondFactorPolicyChanged(OrgId orgId, UserId changedBy, SecondFactorPolicy before, SecondFactorPolicy after,
                                        Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public SecondFactorPolicyChanged(OrgId orgId, UserId changedBy, SecondFactorPolicy before, SecondFactorPolicy after, Instant at) {
        this(orgId, changedBy, before, after, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
