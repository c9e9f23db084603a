package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A registered ID card; its number is never kept, only a keyed hash of it. A card added by anyone
 * but its owner ({@code addedBy}) waits, {@code confirmedAt} null, until the owner confirms it:
 * until then it logs nobody in.
 */
public record IdCard(OrgId orgId, UUID id, UserId userId, String label, Instant createdAt, UserId addedBy,
                     Instant confirmedAt) {

    /** Waiting for its owner's confirmation. */
    public boolean pending() {
        return confirmedAt == null;
    }
}
