package org.opencps.platform.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.opencps.platform.cluster.ClusterSignals;
import org.opencps.platform.internal.cluster.InProcessRateBudgets;
import org.opencps.platform.internal.cluster.InProcessSignals;
import org.opencps.platform.internal.cluster.InProcessUsedChallenges;
import org.opencps.platform.internal.cluster.RateBudgets;
import org.opencps.platform.internal.cluster.UsedChallenges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the server processes share besides their rows: rate budgets, used CAPTCHA solutions and
 * signals. On PostgreSQL (where several processes may share the database) they live in the
 * database; on H2 (one process) in memory.
 */
@Configuration(proxyBeanMethods = false)
class ClusterCoordination {

    private final boolean shared;

    ClusterCoordination(DataSource dataSource) {
        this.shared = isPostgres(dataSource);
    }

    @Bean
    RateBudgets rateBudgets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return shared ? new PostgresRateBudgets(jdbc, transactions, clock) : new InProcessRateBudgets(clock);
    }

    @Bean
    UsedChallenges usedChallenges(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return shared ? new PostgresUsedChallenges(jdbc, transactions, clock)
                : new InProcessUsedChallenges(InProcessUsedChallenges.DEFAULT_MAX_REMEMBERED);
    }

    @Bean
    ClusterSignals clusterSignals(DataSource dataSource, JdbcClient jdbc) {
        return shared ? new PostgresSignals(dataSource, jdbc) : new InProcessSignals();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the server runs on", e);
        }
    }
}
