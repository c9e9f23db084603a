package org.opencps.audit.internal.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Seals (a chain's head at a moment, signed) and anchors (where a pruned chain now starts,
 * signed), and the pruning of a chain's oldest records.
 */
@Repository
public class SealStore {

    private final JdbcClient jdbc;

    SealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A signed statement that the chain's record {@code seq} had the hash {@code hash}. */
    public record Seal(UUID chain, long seq, String hash, Instant at, String mac) {
    }

    public List<Seal> seals(UUID chain) {
        return jdbc.sql("SELECT chain_id, seq, hash, sealed_at, mac FROM audit_seal WHERE chain_id = ? ORDER BY seq")
                .param(chain).query((rs, n) -> new Seal(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5))).list();
    }

    public Optional<Seal> latestSeal(UUID chain) {
        return jdbc.sql("SELECT chain_id, seq, hash, sealed_at, mac FROM audit_seal WHERE chain_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .param(chain).query((rs, n) -> new Seal(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5))).optional();
    }

    public void insertSeal(Seal seal) {
        jdbc.sql("INSERT INTO audit_seal (chain_id, seq, hash, sealed_at, mac) VALUES (?, ?, ?, ?, ?)")
                .params(seal.chain(), seal.seq(), seal.hash(), OffsetDateTime.ofInstant(seal.at(), ZoneOffset.UTC), seal.mac())
                .update();
    }

    public Optional<Seal> anchor(UUID chain) {
        return jdbc.sql("SELECT chain_id, seq, hash, anchored_at, mac FROM audit_anchor WHERE chain_id = ?")
                .param(chain).query((rs, n) -> new Seal(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5))).optional();
    }

    /**
     * The seq of the last record that may be pruned: every record up to it happened before the
     * cutoff (a record delivered late keeps the ones after it). 0 when none may be.
     */
    public long lastPrunable(UUID chain, Instant cutoff) {
        UUID org = ChainStore.orgOf(chain);
        String where = org == null ? "org_id IS NULL" : "org_id = ?";
        Object[] params = org == null ? new Object[0] : new Object[] {org};
        Long firstKept = jdbc.sql("SELECT MIN(seq) FROM audit_event WHERE " + where + " AND occurred_at >= ?")
                .params(append(params, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))).query(Long.class).optional().orElse(null);
        Long last = jdbc.sql("SELECT MAX(seq) FROM audit_event WHERE " + where + (firstKept == null ? "" : " AND seq < ?"))
                .params(firstKept == null ? params : append(params, firstKept)).query(Long.class).optional().orElse(null);
        return last == null ? 0 : last;
    }

    /** The hash of the chain's record {@code seq}, if it is there. */
    public Optional<String> hashAt(UUID chain, long seq) {
        UUID org = ChainStore.orgOf(chain);
        var statement = org == null
                ? jdbc.sql("SELECT hash FROM audit_event WHERE org_id IS NULL AND seq = ?").params(seq)
                : jdbc.sql("SELECT hash FROM audit_event WHERE org_id = ? AND seq = ?").params(org, seq);
        return statement.query(String.class).optional();
    }

    /** Deletes the chain's records up to {@code seq} and its seals up to it; the anchor replaces them. */
    public int prune(UUID chain, Seal anchor) {
        UUID org = ChainStore.orgOf(chain);
        int deleted = org == null
                ? jdbc.sql("DELETE FROM audit_event WHERE org_id IS NULL AND seq <= ?").params(anchor.seq()).update()
                : jdbc.sql("DELETE FROM audit_event WHERE org_id = ? AND seq <= ?").params(org, anchor.seq()).update();
        jdbc.sql("DELETE FROM audit_seal WHERE chain_id = ? AND seq <= ?").params(chain, anchor.seq()).update();
        jdbc.sql("DELETE FROM audit_anchor WHERE chain_id = ?").param(chain).update();
        jdbc.sql("INSERT INTO audit_anchor (chain_id, seq, hash, anchored_at, mac) VALUES (?, ?, ?, ?, ?)")
                .params(chain, anchor.seq(), anchor.hash(), OffsetDateTime.ofInstant(anchor.at(), ZoneOffset.UTC), anchor.mac())
                .update();
        return deleted;
    }

    private static Object[] append(Object[] params, Object last) {
        Object[] all = java.util.Arrays.copyOf(params, params.length + 1);
        all[params.length] = last;
        return all;
    }
}
