package org.opencps.platform.internal.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The server's own keysets, wrapped by the master key, shared by every server process. */
@Repository
public class ServerKeysetStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ServerKeysetStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> find(String name) {
        return jdbc.sql("SELECT wrapped_keyset FROM platform_keyset WHERE name = ?")
                .param(name).query(String.class).optional();
    }

    /** Stores a new keyset; false when another process stored one under this name first. */
    public boolean insert(String name, String wrappedKeyset) {
        try {
            jdbc.sql("INSERT INTO platform_keyset (name, wrapped_keyset, created_at) VALUES (?, ?, ?)")
                    .params(name, wrappedKeyset, OffsetDateTime.now(clock))
                    .update();
            return true;
        } catch (DuplicateKeyException anotherProcessWasFirst) {
            return false;
        }
    }
}
