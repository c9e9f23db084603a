package org.opencps.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Two server processes (two application contexts, each with its own connection pool, memory and
 * scheduler) on one PostgreSQL database and one master key: what several processes share. Always
 * on PostgreSQL, whatever the test run's database: sharing is a PostgreSQL concern (H2 is the
 * one-process path).
 */
public final class TwoServers implements AutoCloseable {

    public final RestartableServer a;
    public final RestartableServer b;

    private TwoServers(RestartableServer a, RestartableServer b) {
        this.a = a;
        this.b = b;
    }

    /** {@code properties}: names and values, in turns, set on both. */
    public static TwoServers start(String name, String... properties) throws Exception {
        String url = EmbeddedPostgresServer.createDatabase(name + "_" + UUID.randomUUID().toString().replace("-", ""));
        Path keys = Files.createTempDirectory("opencps-two-servers-keys-");
        String masterKey = keys.resolve("master-key.json").toString();
        var a = configured(url, masterKey, properties).start();
        var b = configured(url, masterKey, properties).start();
        return new TwoServers(a, b);
    }

    private static RestartableServer configured(String url, String masterKey, String... properties) throws Exception {
        var server = new RestartableServer(Files.createTempDirectory("opencps-two-servers-"))
                .set("opencps.secrets.master-key-file", masterKey).set("spring.datasource.url", url)
                .set("spring.datasource.username", "postgres").set("spring.datasource.password", "");
        for (int i = 0; i + 1 < properties.length; i += 2) {
            server.set(properties[i], properties[i + 1]);
        }
        return server;
    }

    @Override
    public void close() {
        try (a; b) {
            // both stopped
        }
    }
}
