package org.opencps.audit.internal.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opencps.audit.internal.chain.AuditRecord;
import org.opencps.audit.internal.chain.ChainSignatures;
import org.opencps.audit.internal.persistence.ChainStore;
import org.opencps.audit.internal.persistence.RetentionStore;
import org.opencps.audit.internal.persistence.SealStore;
import org.opencps.audit.internal.persistence.SealStore.Seal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sealing a chain's head, and pruning a chain's records older than its organization's retention. */
@Component
public class ChainMaintenance {

    private final ChainStore chains;
    private final SealStore seals;
    private final RetentionStore retention;
    private final ChainSignatures signatures;
    private final Clock clock;

    ChainMaintenance(ChainStore chains, SealStore seals, RetentionStore retention, ChainSignatures signatures, Clock clock) {
        this.chains = chains;
        this.seals = seals;
        this.retention = retention;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Signs the chain's head unless it is sealed already; true when a seal was added. */
    @Transactional
    public boolean seal(UUID chain) {
        var head = chains.head(chain).orElse(null);
        if (head == null || head.hash() == null || head.seq() == 0) {
            return false;
        }
        var latest = seals.latestSeal(chain);
        if (latest.isPresent() && latest.get().seq() >= head.seq()) {
            return false;
        }
        Instant at = AuditRecord.storable(clock.instant());
        seals.insertSeal(new Seal(chain, head.seq(), head.hash(), at,
                signatures.sign(ChainSignatures.SEAL, chain, head.seq(), head.hash(), at)));
        return true;
    }

    /**
     * Deletes the chain's records older than the organization's retention (a prefix of the chain)
     * and keeps a signed anchor: the seq and hash of the last record deleted, where verification
     * starts. Returns how many records were deleted.
     */
    @Transactional
    public int prune(UUID chain) {
        Instant cutoff = clock.instant().minus(retention.retentionOf(ChainStore.orgOf(chain)));
        long last = seals.lastPrunable(chain, cutoff);
        if (last == 0) {
            return 0;
        }
        String hash = seals.hashAt(chain, last).orElse(null);
        if (hash == null) {
            return 0;
        }
        Instant at = AuditRecord.storable(clock.instant());
        return seals.prune(chain, new Seal(chain, last, hash, at, signatures.sign(ChainSignatures.ANCHOR, chain, last, hash, at)));
    }
}
