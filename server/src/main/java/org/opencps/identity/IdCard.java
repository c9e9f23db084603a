package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A registered ID card; its number is never kept, only a keyed hash of it. */
public record IdCard(OrgId orgId, UUID id, UserId userId, String label, Instant createdAt) {
}
