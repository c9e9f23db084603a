package org.opencps.printing.internal.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What makes a committed transaction survive the loss of the page cache, per database.
 * <ul>
 * <li>H2 (file): a commit with {@code WRITE_DELAY=0} writes the change to the database file, which
 * survives {@code kill -9}, but H2 forces the file to the device only on {@code CHECKPOINT SYNC}
 * (and on close and compaction). {@link #needsSync()} is true and {@link #sync()} runs it.</li>
 * <li>H2 in memory: nothing is on a device; nothing to do.</li>
 * <li>PostgreSQL: with {@code synchronous_commit} on and {@code fsync} on (its defaults) a commit
 * returns only once its WAL record is flushed, so nothing more is needed; when either is off
 * the server says so at start, since then an answered job can be lost.</li>
 * </ul>
 */
@Component
public class DeviceSync {

    private static final Logger log = LoggerFactory.getLogger(DeviceSync.class);

    private final JdbcClient jdbc;
    private final boolean needsSync;

    DeviceSync(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        this.jdbc = jdbc;
        String product;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            url = meta.getURL();
        }
        this.needsSync = product.contains("h2") && !url.startsWith("jdbc:h2:mem:");
        if (needsSync) {
            // fails here, at start, rather than on the first job when the database user may not sync
            sync();
        } else if (product.contains("postgres")) {
            warnUnlessOn("synchronous_commit");
            warnUnlessOn("fsync");
        }
    }

    /** True when a commit is on the device only after {@link #sync()}. */
    public boolean needsSync() {
        return needsSync;
    }

    /** Forces everything H2 has committed so far to the device. */
    public void sync() {
        jdbc.sql("CHECKPOINT SYNC").update();
    }

    private void warnUnlessOn(String setting) {
        String value = jdbc.sql("SELECT current_setting('" + setting + "')").query(String.class).single();
        // synchronous_commit's other values (local, remote_write, remote_apply) flush locally too
        if ("off".equalsIgnoreCase(value)) {
            log.warn("PostgreSQL runs with {} = {}: an answered print job can be lost when the machine fails. "
                    + "Set it to on (its default) for the guarantee the README states.", setting, value);
        }
    }
}
