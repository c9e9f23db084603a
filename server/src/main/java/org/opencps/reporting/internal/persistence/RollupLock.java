package org.opencps.reporting.internal.persistence;

import org.opencps.platform.ids.OrgId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One lock per organization over its roll-ups, held until the caller's transaction ends: a row of
 * {@code reporting_rollup_lock} selected FOR UPDATE (a row lock, the same on H2 and PostgreSQL, and
 * across server processes). The rebuild after a time zone change and each recording into the
 * roll-ups take it first, so they run one after the other for one organization.
 */
@Repository
public class RollupLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    RollupLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Waits for the organization's lock and holds it for the rest of the caller's transaction. */
    public void lock(OrgId org) {
        if (select(org)) {
            return;
        }
        try {
            // the organization's first writer makes its row; under a savepoint, so losing that race costs nothing
            savepoint.executeWithoutResult(status ->
                    jdbc.sql("INSERT INTO reporting_rollup_lock (org_id) VALUES (?)").param(org.value()).update());
        } catch (DuplicateKeyException madeMeanwhile) {
            // another transaction made it: wait for that one below
        }
        if (!select(org)) {
            throw new IllegalStateException("the roll-up lock row of " + org + " is missing");
        }
    }

    private boolean select(OrgId org) {
        return jdbc.sql("SELECT org_id FROM reporting_rollup_lock WHERE org_id = ? FOR UPDATE").param(org.value())
                .query((rs, i) -> rs.getObject(1)).optional().isPresent();
    }

    public void purge(OrgId org) {
        jdbc.sql("DELETE FROM reporting_rollup_lock WHERE org_id = ?").param(org.value()).update();
    }
}
