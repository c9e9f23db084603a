package org.opencps.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What verifying one organization's audit chain found: intact, or the first record that does not
 * fit and why. {@code organization} is null for the chain of records that belong to no
 * organization. {@code prunedUpTo} is the seq of the last record pruned (0 when none was);
 * {@code sealedUpTo} the seq of the latest signed seal (0 when none).
 */
public record ChainVerification(UUID organization, boolean intact, long recordsChecked, long headSeq, long prunedUpTo,
                                long sealedUpTo, Instant lastSealedAt, Mismatch firstMismatch) {

    /** The first record that does not fit: its seq, its id (null when the record is missing) and why. */
    public record Mismatch(long seq, UUID recordId, String reason) {
    }
}
