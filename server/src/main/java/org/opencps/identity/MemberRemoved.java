package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A person is no longer a member of the organization. */
public record MemberRemoved(OrgId org, UserId member, UserId removedBy, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public MemberRemoved(OrgId org, UserId member, UserId removedBy, Instant at) {
        this(org, member, removedBy, at, UUID.randomUUID());
    }
}
