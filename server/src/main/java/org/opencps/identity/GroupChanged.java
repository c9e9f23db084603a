package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** A user group was created or deleted, or a person added to or removed from it ({@code member}, else null). */
public record GroupChanged(OrgId org, UUID group, String name, Change change, UserId member, UserId by, Instant at, UUID eventId,
                           RequestOrigin origin) {

    public enum Change { CREATED, DELETED, MEMBER_ADDED, MEMBER_REMOVED }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public GroupChanged(OrgId org, UUID group, String name, Change change, UserId member, UserId by, Instant at) {
        this(org, group, name, change, member, by, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
