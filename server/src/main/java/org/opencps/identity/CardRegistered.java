package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** {@code pending}: added by someone other than its owner, it logs nobody in until the owner confirms it. */
public record CardRegistered(OrgId org, UserId user, UUID card, UserId by, boolean pending, Instant at) {
}
