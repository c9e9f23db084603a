package org.opencps.documents;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** New documents of the organization are encrypted with a new key; {@code by} is null for the schedule. */
public record DocumentKeyRotated(OrgId org, UserId by, long primaryKeyId, Instant at, UUID eventId) {

    /** A new occurrence, with an {@code eventId} of its own. */
    public DocumentKeyRotated(OrgId org, UserId by, long primaryKeyId, Instant at) {
        this(org, by, primaryKeyId, at, UUID.randomUUID());
    }
}
