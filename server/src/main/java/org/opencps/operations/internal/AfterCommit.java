package org.opencps.operations.internal;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a count once the transaction an event was published in committed (at once outside a
 * transaction), so a change that rolled back is never counted. Unlike an after-commit
 * {@code @TransactionalEventListener}, it leaves no row in the event publication registry: a
 * count lost in a crash is not worth a database write per event.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
