package org.opencps.platform.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.opencps.platform.cluster.ClusterSignals;
import org.opencps.platform.internal.cluster.SignalListeners;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signals through PostgreSQL's {@code NOTIFY} (sent in the sender's transaction, so delivered at
 * its commit and not at all on a rollback) and one connection per process that {@code LISTEN}s.
 * The listening connection is checked every {@value #CHECK_MILLIS} ms (answer within
 * {@value #CHECK_TIMEOUT_SECONDS} s); when it fails, {@link #receiving()} turns false, every
 * listener hears {@link Listener#missed()}, and the connection is made again.
 */
final class PostgresSignals implements ClusterSignals, SmartLifecycle {

    static final long POLL_MILLIS = 250;
    static final long CHECK_MILLIS = 2_000;
    static final int CHECK_TIMEOUT_SECONDS = 2;
    private static final long RETRY_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final SignalListeners listeners = new SignalListeners();
    /** Channels listened to on the current connection; a new channel is added by the listening thread. */
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private volatile boolean receiving;
    private volatile Thread thread;

    PostgresSignals(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void send(String channel, String payload) {
        SignalListeners.check(channel, payload);
        jdbc.sql("SELECT pg_notify(?, ?)").params(channel, payload).query().singleRow();
    }

    @Override
    public void listen(String channel, Listener listener) {
        listeners.add(channel, listener);
    }

    @Override
    public boolean receiving() {
        return receiving;
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            // assigned before it starts: the thread runs only while it is the one assigned
            Thread listener = Thread.ofPlatform().daemon().name("opencps-signals").unstarted(this::run);
            thread = listener;
            listener.start();
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                listening.clear();
                listenToNewChannels(connection);
                receiving = true;
                // anything sent while no connection listened is lost: everyone looks again
                listeners.missed();
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (thread == Thread.currentThread()) {
                    log.warn("the connection listening for signals from other server processes failed; making it again: {}", e.toString());
                }
            } finally {
                if (receiving) {
                    receiving = false;
                    listeners.missed();
                }
            }
            if (!pause(RETRY_MILLIS)) {
                return;
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + CHECK_MILLIS * 1_000_000;
        while (thread == Thread.currentThread()) {
            listenToNewChannels(connection);
            PGNotification[] notifications = pg.getNotifications((int) POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    listeners.deliver(notification.getName(), notification.getParameter());
                }
            }
            if (System.nanoTime() - nextCheck >= 0) {
                if (!connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection did not answer within " + CHECK_TIMEOUT_SECONDS + " s");
                }
                nextCheck = System.nanoTime() + CHECK_MILLIS * 1_000_000;
            }
        }
    }

    private void listenToNewChannels(Connection connection) throws SQLException {
        for (String channel : listeners.channels()) {
            if (!listening.contains(channel)) {
                try (Statement statement = connection.createStatement()) {
                    // the name matched CHANNEL_PATTERN: nothing in it needs quoting
                    statement.execute("LISTEN " + channel);
                }
                listening.add(channel);
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
