package org.opencps.platform.events;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the after-commit listeners on a few threads, with a queue in front. Each listener holds one
 * database connection for its own transaction and, while still holding it, takes a second one to
 * mark its event publication complete (the registry does that in a transaction of its own). With a
 * thread per listener, a burst of releases would start more listeners than the pool has
 * connections, each holding one and waiting for another, until the pool's timeout failed them and
 * every request waiting behind them (seen at 100 printers releasing at once). So fewer listener
 * threads than connections, and a queue that never blocks the committing request, which still
 * holds its own connection when it hands the event over. A queued event lost with its process is
 * still in the registry and delivered again ({@link UndeliveredEvents}).
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ListenerExecution(@Value("${opencps.events.listener-threads:4}") int threads, DataSource dataSource) {
        if (threads < 1) {
            throw new IllegalStateException("opencps.events.listener-threads must be at least 1, not " + threads);
        }
        if (dataSource instanceof HikariDataSource pool && threads >= pool.getMaximumPoolSize()) {
            throw new IllegalStateException("opencps.events.listener-threads (" + threads + ") must stay below the "
                    + "database pool's size (spring.datasource.hikari.maximum-pool-size, " + pool.getMaximumPoolSize()
                    + "): each listener may hold two connections at once");
        }
        executor.setThreadNamePrefix("after-commit-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
