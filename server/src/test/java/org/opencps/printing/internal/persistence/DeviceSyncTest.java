package org.opencps.printing.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class DeviceSyncTest {

    @TempDir
    Path folder;

    @Test
    void anH2FileDatabaseIsSyncedAndAMemoryOneNeedsNothing() throws Exception {
        JdbcDataSource file = h2("jdbc:h2:file:" + folder.resolve("db") + ";WRITE_DELAY=0", "owner");
        DeviceSync onFile = new DeviceSync(file, JdbcClient.create(file));
        assertThat(onFile.needsSync()).isTrue();
        JdbcClient.create(file).sql("CREATE TABLE t (x INT)").update();
        onFile.sync();

        JdbcDataSource memory = h2("jdbc:h2:mem:devicesync;DB_CLOSE_DELAY=-1", "sa");
        assertThat(new DeviceSync(memory, JdbcClient.create(memory)).needsSync()).isFalse();
    }

    @Test
    void aDatabaseUserThatMayNotSyncStopsTheStartNotAJob() throws Exception {
        JdbcDataSource owner = h2("jdbc:h2:file:" + folder.resolve("db2"), "owner");
        JdbcClient.create(owner).sql("CREATE USER clerk PASSWORD 'p'").update();
        JdbcDataSource clerk = h2("jdbc:h2:file:" + folder.resolve("db2"), "clerk");
        clerk.setPassword("p");
        assertThatThrownBy(() -> new DeviceSync(clerk, JdbcClient.create(clerk))).hasMessageContaining("CHECKPOINT");
    }

    private static JdbcDataSource h2(String url, String user) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword("");
        return source;
    }
}
