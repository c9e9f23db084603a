package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * An ID card was registered on a person's account. {@code pending}: added by someone other than
 * its owner, it logs nobody in until the owner confirms it.
 */
public record CardRegistered(OrgId org, UserId user, UUID card, UserId by, boolean pending, Instant at, UUID eventId, RequestOrigin origin) {

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public CardRegistered(OrgId org, UserId user, UUID card, UserId by, boolean pending, Instant at) {
        this(org, user, card, by, pending, at, UUID.randomUUID(), RequestOrigin.current());
    }
}
