package org.opencps.documents;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/** New documents of the organization are encrypted with a new key; {@code by} is null for the schedule. */
public record DocumentKeyRotated(OrgId org, UserId by, long primaryKeyId, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public DocumentKeyRotated(OrgId org, UserId by, long primaryKeyId, Instant at) {
        this(org, by, primaryKeyId, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
