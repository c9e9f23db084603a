package org.opencps.platform.internal.persistence;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction of its own, whatever the caller's: what it writes counts even when the caller's
 * transaction rolls back (a charge to a failure budget, a CAPTCHA solution used by a failing form).
 */
final class OwnTransaction {

    private OwnTransaction() {
    }

    static TransactionTemplate of(PlatformTransactionManager transactions) {
        var template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
