package org.opencps.documents;

import java.time.Instant;

/** What can be told about an organization's document keys without revealing them. */
public record DocumentKeyset(long primaryKeyId, int keyCount, Instant createdAt, Instant rotatedAt) {
}
