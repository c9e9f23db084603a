package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** A personal API token as listed: never the secret itself, which is shown once at creation. */
public record ApiToken(OrgId orgId, UUID id, UserId userId, String name, Instant createdAt, Instant expiresAt,
                       Instant revokedAt, Instant lastUsedAt) {
}
