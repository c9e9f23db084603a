package org.opencps.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencps.audit.internal.chain.AuditRecord;
import org.opencps.audit.internal.persistence.AuditLog;
import org.opencps.audit.internal.persistence.ChainStore;
import org.opencps.audit.internal.verification.ChainMaintenance;
import org.opencps.audit.internal.verification.ChainVerifier;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.testing.MutableClock;
import org.opencps.testing.OpenCpsTest;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each organization's audit records form a hash chain; changing, deleting, inserting or
 * reordering a record directly in the database is found, and the first record that does not fit
 * is named, also after the oldest records were pruned.
 */
@OpenCpsTest
class AuditChainTest {

    @Autowired World world;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog log;
    @Autowired ChainStore chains;
    @Autowired ChainVerifier verifier;
    @Autowired ChainMaintenance maintenance;

    @Test
    void anUntouchedChainIsIntactAndNumberedWithoutGaps() {
        OrgId org = orgWithRecords(5);
        ChainVerification result = verifier.verify(org.value());
        assertThat(result.intact()).as(String.valueOf(result.firstMismatch())).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT seq FROM audit_event WHERE org_id = ? ORDER BY seq").param(org.value())
                .query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(row(org, 1).prevHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(row(org, 2).prevHash()).isEqualTo(row(org, 1).hash());
    }

    @Test
    void anAlteredRecordIsNamed() {
        OrgId org = orgWithRecords(5);
        UUID third = row(org, 3).id();
        jdbc.sql("UPDATE audit_event SET detail = 'nothing to see' WHERE id = ?").param(third).update();
        assertFirstMismatch(org, 3, third, "altered");
    }

    @Test
    void aDeletedRecordIsFoundAtTheRecordAfterIt() {
        OrgId org = orgWithRecords(5);
        UUID fourth = row(org, 4).id();
        jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(row(org, 3).id()).update();
        assertFirstMismatch(org, 4, fourth, "deleted");
    }

    @Test
    void aDeletedLastRecordIsFoundByTheChainsHead() {
        OrgId org = orgWithRecords(5);
        jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(row(org, 5).id()).update();
        ChainVerification result = verifier.verify(org.value());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstMismatch().seq()).isEqualTo(5);
        assertThat(result.firstMismatch().reason()).contains("deleted");
    }

    @Test
    void anInsertedRecordIsNamed() {
        OrgId org = orgWithRecords(5);
        AuditRecord second = row(org, 2);
        // make room at seq 3 (in two steps, so that the unique (org, seq) index holds throughout)
        jdbc.sql("UPDATE audit_event SET seq = seq + 1000 WHERE org_id = ? AND seq >= 3").param(org.value()).update();
        jdbc.sql("UPDATE audit_event SET seq = seq - 999 WHERE org_id = ? AND seq >= 1000").param(org.value()).update();
        UUID forged = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO audit_event (id, org_id, seq, occurred_at, type, actor_user_id, subject, detail, outcome,
                          prev_hash, hash) VALUES (?, ?, 3, ?, 'MEMBER_REMOVED', ?, 'someone', NULL, 'SUCCESS', ?, ?)""")
                .params(forged, org.value(), java.time.OffsetDateTime.now(clock), second.actor(), second.hash(), second.hash())
                .update();
        assertFirstMismatch(org, 3, forged, "altered");
    }

    @Test
    void twoSwappedRecordsAreFound() {
        OrgId org = orgWithRecords(5);
        UUID second = row(org, 2).id();
        UUID third = row(org, 3).id();
        jdbc.sql("UPDATE audit_event SET seq = 1002 WHERE id = ?").param(second).update();
        jdbc.sql("UPDATE audit_event SET seq = 2 WHERE id = ?").param(third).update();
        jdbc.sql("UPDATE audit_event SET seq = 3 WHERE id = ?").param(second).update();
        assertFirstMismatch(org, 2, third, "previous hash");
    }

    @Test
    void aChainRewrittenConsistentlyIsFoundByItsSignedSeal() {
        OrgId org = orgWithRecords(5);
        assertThat(maintenance.seal(org.value())).isTrue();
        // someone who knows the hashing rewrites record 2 and every hash after it, and the head
        jdbc.sql("UPDATE audit_event SET detail = 'rewritten' WHERE org_id = ? AND seq = 2").param(org.value()).update();
        String previous = row(org, 1).hash();
        for (long seq = 2; seq <= 5; seq++) {
            AuditRecord rechained = row(org, seq).chainedAfter(seq - 1, previous);
            jdbc.sql("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?")
                    .params(rechained.prevHash(), rechained.hash(), rechained.id()).update();
            previous = rechained.hash();
        }
        jdbc.sql("UPDATE audit_chain SET hash = ? WHERE chain_id = ?").params(previous, org.value()).update();
        assertFirstMismatch(org, 5, row(org, 5).id(), "seal");

        // and a forged seal to match does not carry the server's signature
        jdbc.sql("UPDATE audit_seal SET hash = ? WHERE chain_id = ?").params(previous, org.value()).update();
        ChainVerification forged = verifier.verify(org.value());
        assertThat(forged.intact()).isFalse();
        assertThat(forged.firstMismatch().reason()).contains("signature");
    }

    @Test
    void afterPruningTheChainStartsAtItsSignedAnchorAndTamperingIsStillFound() {
        OrgId org = world.provider(world.root(), "Audit pruned " + UUID.randomUUID());
        UserId admin = new UserId(UUID.randomUUID());
        Instant old = clock.instant().minus(Duration.ofDays(400));
        for (int i = 0; i < 3; i++) {
            log.recordOnce(UUID.randomUUID(), old.plusSeconds(i), org, "OLD_ACTION", admin, "old " + i, null, null);
        }
        for (int i = 0; i < 3; i++) {
            log.recordOnce(UUID.randomUUID(), clock.instant(), org, "NEW_ACTION", admin, "new " + i, null, null);
        }
        String thirdHash = row(org, 3).hash();
        int before = recordCount(org);

        assertThat(maintenance.prune(org.value())).isEqualTo(3);
        assertThat(recordCount(org)).isEqualTo(before - 3);
        ChainVerification pruned = verifier.verify(org.value());
        assertThat(pruned.intact()).as(String.valueOf(pruned.firstMismatch())).isTrue();
        assertThat(pruned.prunedUpTo()).isEqualTo(3);
        assertThat(pruned.recordsChecked()).isEqualTo(before - 3);

        UUID fifth = row(org, 5).id();
        jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(row(org, 4).id()).update();
        assertFirstMismatch(org, 5, fifth, "deleted");

        jdbc.sql("UPDATE audit_anchor SET seq = 4, hash = ? WHERE chain_id = ?").params(row(org, 5).prevHash(), org.value()).update();
        ChainVerification forgedAnchor = verifier.verify(org.value());
        assertThat(forgedAnchor.intact()).isFalse();
        assertThat(forgedAnchor.firstMismatch().reason()).contains("anchor").contains("signature");
        assertThat(thirdHash).isNotNull();
    }

    @Test
    void anAlteredRecordAfterPruningIsNamed() {
        OrgId org = world.provider(world.root(), "Audit pruned altered " + UUID.randomUUID());
        Instant old = clock.instant().minus(Duration.ofDays(400));
        log.recordOnce(UUID.randomUUID(), old, org, "OLD_ACTION", null, "old", null, null);
        for (int i = 0; i < 3; i++) {
            log.recordOnce(UUID.randomUUID(), clock.instant(), org, "NEW_ACTION", null, "new " + i, null, null);
        }
        assertThat(maintenance.prune(org.value())).isEqualTo(1);
        UUID third = row(org, 3).id();
        jdbc.sql("UPDATE audit_event SET source_ip = '198.51.100.7' WHERE id = ?").param(third).update();
        assertFirstMismatch(org, 3, third, "altered");
    }

    @Test
    void writersAtOnceNeverForkTheChain() throws Exception {
        OrgId org = world.provider(world.root(), "Audit at once " + UUID.randomUUID());
        try (var pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                writes.add(pool.submit(() -> log.record(org, "PARALLEL_ACTION", null, "write " + n, null, null)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        }
        ChainVerification result = verifier.verify(org.value());
        assertThat(result.intact()).as(String.valueOf(result.firstMismatch())).isTrue();
        assertThat(result.recordsChecked()).isEqualTo(60);
        assertThat(result.headSeq()).isEqualTo(60);
    }

    private OrgId orgWithRecords(int count) {
        OrgId org = world.provider(world.root(), "Audit chain " + UUID.randomUUID());
        // an actor of no membership: making a member would record its own events meanwhile
        UserId admin = new UserId(UUID.randomUUID());
        for (int i = 0; i < count; i++) {
            log.record(org, "TEST_ACTION", admin, "subject " + i, "detail " + i, "192.0.2." + i);
        }
        return org;
    }

    private void assertFirstMismatch(OrgId org, long seq, UUID record, String reason) {
        ChainVerification result = verifier.verify(org.value());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstMismatch().seq()).isEqualTo(seq);
        assertThat(result.firstMismatch().recordId()).isEqualTo(record);
        assertThat(result.firstMismatch().reason()).contains(reason);
    }

    private AuditRecord row(OrgId org, long seq) {
        return chains.records(org.value(), seq - 1, 1).getFirst();
    }

    private int recordCount(OrgId org) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE org_id = ?").param(org.value()).query(Integer.class).single();
    }
}
