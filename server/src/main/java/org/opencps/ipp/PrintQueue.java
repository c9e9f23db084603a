package org.opencps.ipp;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/**
 * A person's IPP print queue in one organization. {@code id} is part of the queue's URL;
 * {@code hasSecretUrl} tells whether a secret queue URL currently works (its secret is never kept).
 */
public record PrintQueue(OrgId orgId, UUID id, UserId userId, boolean hasSecretUrl, Instant createdAt,
                         Instant secretRotatedAt) {
}
