package org.opencps.audit.internal.verification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencps.audit.ChainVerification;
import org.opencps.audit.ChainVerification.Mismatch;
import org.opencps.audit.internal.chain.AuditRecord;
import org.opencps.audit.internal.chain.ChainSignatures;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.audit.internal.persistence.ChainStore;
import org.opencps.audit.internal.persistence.SealStore;
import org.opencps.audit.internal.persistence.SealStore.Seal;
import org.springframework.stereotype.Component;

/**
 * Walks a chain from its start (or from its signed anchor when older records were pruned) to its
 * head and names the first record that does not fit: a seq out of turn (a record deleted,
 * inserted or moved), a previous hash that is not the hash of the record before it, content that
 * does not give its hash (altered), a hash other than a signed seal says, or a record beyond the
 * chain's head. Read-only, apart from hashing records written before the trail was chained.
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 500;

    private final ChainStore chains;
    private final SealStore seals;
    private final ChainSignatures signatures;
    private final AuditLog log;

    ChainVerifier(ChainStore chains, SealStore seals, ChainSignatures signatures, AuditLog log) {
        this.chains = chains;
        this.seals = seals;
        this.signatures = signatures;
        this.log = log;
    }

    public List<ChainVerification> verifyAll() {
        return chains.chains().stream().map(this::verify).toList();
    }

    public ChainVerification verify(UUID chain) {
        var head = chains.head(chain).orElse(new ChainStore.Head(0, AuditRecord.GENESIS));
        if (head.hash() == null) {
            log.hashRecordsWrittenBeforeChaining(chain);
            head = chains.head(chain).orElseThrow();
        }
        var walk = new Walk(chain, head);
        var anchor = seals.anchor(chain);
        if (anchor.isPresent()) {
            Seal a = anchor.get();
            if (!signatures.verify(ChainSignatures.ANCHOR, chain, a.seq(), a.hash(), a.at(), a.mac())) {
                return walk.result(new Mismatch(a.seq(), null,
                        "the signed anchor of the pruned records does not match its signature"));
            }
            walk.expectedSeq = a.seq() + 1;
            walk.previousHash = a.hash();
            walk.prunedUpTo = a.seq();
        }
        Map<Long, Seal> sealed = new HashMap<>();
        for (Seal seal : seals.seals(chain)) {
            if (!signatures.verify(ChainSignatures.SEAL, chain, seal.seq(), seal.hash(), seal.at(), seal.mac())) {
                return walk.result(new Mismatch(seal.seq(), null, "the seal of record " + seal.seq() + " does not match its signature"));
            }
            sealed.put(seal.seq(), seal);
            walk.sealedUpTo = seal.seq();
            walk.lastSealedAt = seal.at();
        }
        long after = 0;
        for (List<AuditRecord> page = chains.records(chain, after, PAGE); !page.isEmpty();
                page = chains.records(chain, after, PAGE)) {
            for (AuditRecord record : page) {
                Mismatch mismatch = walk.check(record, sealed.get(record.seq()));
                if (mismatch != null) {
                    return walk.result(mismatch);
                }
            }
            after = page.getLast().seq();
        }
        return walk.result(walk.end());
    }

    /** Where the walk along one chain is. */
    private static final class Walk {
        private final UUID chain;
        private final ChainStore.Head head;
        long expectedSeq = 1;
        String previousHash = AuditRecord.GENESIS;
        long prunedUpTo;
        long sealedUpTo;
        java.time.Instant lastSealedAt;
        long checked;

        Walk(UUID chain, ChainStore.Head head) {
            this.chain = chain;
            this.head = head;
        }

        Mismatch check(AuditRecord record, Seal seal) {
            if (record.seq() < expectedSeq) {
                return new Mismatch(record.seq(), record.id(), record.seq() <= prunedUpTo
                        ? "the record is older than the signed anchor of the pruned records (inserted)"
                        : "the record takes a seq another record has already (inserted or moved)");
            }
            if (record.seq() > expectedSeq) {
                return new Mismatch(record.seq(), record.id(), "the records before it from seq " + expectedSeq
                        + " on are missing (deleted)");
            }
            if (record.seq() > head.seq()) {
                return new Mismatch(record.seq(), record.id(), "the record lies beyond the chain's head (appended outside the server)");
            }
            if (!previousHash.equals(record.prevHash())) {
                return new Mismatch(record.seq(), record.id(),
                        "its previous hash is not the hash of the record before it (inserted, moved or reordered)");
            }
            if (!record.computedHash().equals(record.hash())) {
                return new Mismatch(record.seq(), record.id(), "its content does not give its hash (altered)");
            }
            if (seal != null && !seal.hash().equals(record.hash())) {
                return new Mismatch(record.seq(), record.id(), "its hash is not the one its signed seal names (the chain was rewritten)");
            }
            checked++;
            expectedSeq++;
            previousHash = record.hash();
            return null;
        }

        Mismatch end() {
            long last = expectedSeq - 1;
            if (head.seq() > last || sealedUpTo > last) {
                return new Mismatch(expectedSeq, null, "the chain ends at seq " + last + " but its head or a seal names seq "
                        + Math.max(head.seq(), sealedUpTo) + " (records deleted at its end)");
            }
            if (!head.hash().equals(previousHash)) {
                return new Mismatch(last, null, "the chain's last hash is not the one its head names");
            }
            return null;
        }

        ChainVerification result(Mismatch mismatch) {
            return new ChainVerification(ChainStore.orgOf(chain), mismatch == null, checked, head.seq(), prunedUpTo,
                    sealedUpTo, lastSealedAt, mismatch);
        }
    }
}
