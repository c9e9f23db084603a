package org.opencps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own database and data directory.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "opencps_" + UUID.randomUUID().toString().replace("-", "");
        String url = switch (System.getProperty("opencps.test.db", "h2")) {
            case "h2" -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
            case "postgres" -> EmbeddedPostgresServer.createDatabase(database);
            default -> throw new IllegalStateException("opencps.test.db must be h2 or postgres");
        };
        try {
            var dataDir = Files.createTempDirectory("opencps-test-");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opencps-test", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres".equals(System.getProperty("opencps.test.db")) ? "postgres" : "sa",
                    "spring.datasource.password", "",
                    "opencps.data-dir", dataDir.toString(),
                    // Tests move the injected clock ahead while blob files carry real times: a
                    // background sweep would take fresh blobs for old ones. Tests sweep by hand.
                    "opencps.documents.orphan-sweep-initial-delay", "1d",
                    // Tests that move the clock past a release's timeout hold it again by hand.
                    "opencps.printing.release-check-interval", "1d")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
