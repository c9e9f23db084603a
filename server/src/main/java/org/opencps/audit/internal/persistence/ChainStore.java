package org.opencps.audit.internal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencps.audit.internal.chain.AuditRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chains: the records of {@code audit_event} in their order, and each chain's head in
 * {@code audit_chain}, which appends lock. A chain is an organization's (its id) or, for records
 * with no organization, the nil UUID's.
 */
@Repository
public class ChainStore {

    public static final UUID NO_ORGANIZATION = new UUID(0, 0);

    static final String COLUMNS = "id, org_id, seq, occurred_at, type, actor_user_id, subject, detail, source_ip, "
            + "user_agent, outcome, event_id, prev_hash, hash";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ChainStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A chain's last seq and hash (null hash: its records were written before they were hashed). */
    public record Head(long seq, String hash) {
    }

    public static UUID chainIdOf(UUID org) {
        return org == null ? NO_ORGANIZATION : org;
    }

    /** The organization a chain's records carry (null for the chain of records with no organization). */
    public static UUID orgOf(UUID chain) {
        return NO_ORGANIZATION.equals(chain) ? null : chain;
    }

    /** The chain's head, locked until the transaction ends; created (empty) when the chain is new. */
    Head lockHead(UUID chain) {
        Optional<Head> head = selectHead(chain, " FOR UPDATE");
        if (head.isPresent()) {
            return head.get();
        }
        // in a transaction of its own: on PostgreSQL a duplicate key would spoil the caller's transaction
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO audit_chain (chain_id, seq, hash) VALUES (?, 0, ?)")
                    .params(chain, AuditRecord.GENESIS).update());
        } catch (DuplicateKeyException createdMeanwhile) {
            // another writer created it first: lock theirs
        }
        return selectHead(chain, " FOR UPDATE").orElseThrow();
    }

    public Optional<Head> head(UUID chain) {
        return selectHead(chain, "");
    }

    private Optional<Head> selectHead(UUID chain, String lock) {
        return jdbc.sql("SELECT seq, hash FROM audit_chain WHERE chain_id = ?" + lock).param(chain)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
    }

    void moveHead(UUID chain, long seq, String hash) {
        jdbc.sql("UPDATE audit_chain SET seq = ?, hash = ? WHERE chain_id = ?").params(seq, hash, chain).update();
    }

    boolean hasRecordOf(UUID eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_id = ?").param(eventId).query(Long.class).single() > 0;
    }

    void insert(AuditRecord r) {
        jdbc.sql("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.orgId(), r.seq(), OffsetDateTime.ofInstant(r.occurredAt(), java.time.ZoneOffset.UTC), r.type(),
                        r.actor(), r.subject(), r.detail(), r.sourceIp(), r.userAgent(), r.outcome(), r.eventId(),
                        r.prevHash(), r.hash())
                .update();
    }

    /**
     * Hashes the records written before the trail was chained (numbered by the migration), under
     * the head's lock, and returns the head they lead to.
     */
    Head chainRecordsWrittenBeforeHashing(UUID chain, long lastSeq) {
        String previous = AuditRecord.GENESIS;
        long seq = 0;
        for (AuditRecord unhashed : records(chain, 0, Integer.MAX_VALUE)) {
            var chained = unhashed.chainedAfter(seq, previous);
            jdbc.sql("UPDATE audit_event SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?")
                    .params(chained.seq(), chained.prevHash(), chained.hash(), chained.id()).update();
            seq = chained.seq();
            previous = chained.hash();
        }
        moveHead(chain, seq, previous);
        return new Head(seq, previous);
    }

    /** Up to {@code limit} records of the chain after {@code afterSeq}, in the chain's order. */
    public List<AuditRecord> records(UUID chain, long afterSeq, int limit) {
        UUID org = orgOf(chain);
        String where = org == null ? "org_id IS NULL" : "org_id = ?";
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + where
                + " AND seq > ? ORDER BY seq, id FETCH FIRST " + limit + " ROWS ONLY");
        statement = org == null ? statement.params(afterSeq) : statement.params(org, afterSeq);
        return statement.query(ChainStore::map).list();
    }

    /** Every chain there is, with its head. */
    public List<UUID> chains() {
        return jdbc.sql("SELECT chain_id FROM audit_chain ORDER BY chain_id").query(UUID.class).list();
    }

    void deleteChain(UUID org) {
        jdbc.sql("DELETE FROM audit_event WHERE org_id = ?").param(org).update();
        jdbc.sql("DELETE FROM audit_chain WHERE chain_id = ?").param(org).update();
        jdbc.sql("DELETE FROM audit_seal WHERE chain_id = ?").param(org).update();
        jdbc.sql("DELETE FROM audit_anchor WHERE chain_id = ?").param(org).update();
        jdbc.sql("DELETE FROM audit_settings WHERE org_id = ?").param(org).update();
    }

    static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("type"),
                rs.getObject("actor_user_id", UUID.class), rs.getString("subject"), rs.getString("detail"),
                rs.getString("source_ip"), rs.getString("user_agent"), rs.getString("outcome"),
                rs.getObject("event_id", UUID.class), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
