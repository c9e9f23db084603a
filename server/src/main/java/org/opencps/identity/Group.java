package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;

/** A user group of one organization (for quotas, scan workflows and reports). */
public record Group(OrgId orgId, UUID id, String name, Instant createdAt) {
}
