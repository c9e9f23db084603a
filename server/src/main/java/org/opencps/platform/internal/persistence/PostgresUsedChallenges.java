package org.opencps.platform.internal.persistence;

import java.time.Clock;
import org.opencps.platform.internal.cluster.UsedChallenges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Used challenges as rows of {@code platform_used_challenge}, shared by every server process. The
 * mark is committed in a transaction of its own: a form that fails after its CAPTCHA was checked
 * has still used the solution, as on one process.
 */
final class PostgresUsedChallenges implements UsedChallenges {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    PostgresUsedChallenges(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(transactions);
        this.clock = clock;
    }

    @Override
    public boolean markUsed(String challenge, long expiresEpochSecond, long nowEpochSecond) {
        Integer inserted = ownTransaction.execute(status -> jdbc.sql(
                "INSERT INTO platform_used_challenge (challenge, expires_epoch_second) VALUES (?, ?) ON CONFLICT (challenge) DO NOTHING")
                .params(challenge, expiresEpochSecond).update());
        return inserted != null && inserted == 1;
    }

    /** Forgets the challenges that have expired: no solution of theirs is accepted any more anyway. */
    int forgetExpired() {
        return jdbc.sql("DELETE FROM platform_used_challenge WHERE expires_epoch_second < ?")
                .param(clock.instant().getEpochSecond()).update();
    }
}
