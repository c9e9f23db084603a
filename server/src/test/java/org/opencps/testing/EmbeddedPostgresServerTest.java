package org.opencps.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "opencps.test.db", matches = "postgres")
class EmbeddedPostgresServerTest {

    @Test
    void realPostgresListensOnLoopbackOnly() throws Exception {
        String url = EmbeddedPostgresServer.createDatabase("loopback_check");
        try (var connection = DriverManager.getConnection(url, "postgres", "");
             var statement = connection.createStatement();
             var result = statement.executeQuery(
                     "SELECT current_setting('listen_addresses'), host(inet_server_addr()), version()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("127.0.0.1");
            assertThat(result.getString(2)).isEqualTo("127.0.0.1");
            assertThat(result.getString(3)).startsWith("PostgreSQL");
        }
    }
}
