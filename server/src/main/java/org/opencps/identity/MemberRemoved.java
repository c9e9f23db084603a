package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A person is no longer a member of the organization. */
public record MemberRemoved(OrgId org, UserId member, UserId removedBy, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public MemberRemoved(OrgId org, UserId member, UserId removedBy, Instant at) {
        this(org, member, removedBy, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
