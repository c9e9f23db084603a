package org.opencps.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencps.OpenCpsApplication;
import org.opencps.identity.Passwords;
import org.opencps.identity.Users;
import org.opencps.identity.internal.persistence.UserStore;
import org.opencps.tenancy.Organizations;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real server, started in this JVM from the main classes only (as {@link ChildServer} is), that
 * a test stops and starts again on the same database and data directory: what a server keeps
 * across a restart, and what it forgets. The database is the server's own H2 file in the data
 * directory, or under {@code -Dopencps.test.db=postgres} one on the test run's PostgreSQL. The
 * clock is the system's.
 */
public final class RestartableServer implements AutoCloseable {

    private final List<String> arguments = new ArrayList<>();
    private ConfigurableApplicationContext context;

    public RestartableServer(Path dataDir) {
        arguments.addAll(List.of("--server.port=0", "--server.address=127.0.0.1", "--opencps.data-dir=" + dataDir,
                "--opencps.ipp.allow-basic-over-http=true", "--opencps.documents.orphan-sweep-initial-delay=1d",
                "--opencps.printing.release-check-interval=1d", "--spring.main.banner-mode=off"));
        if ("postgres".equals(System.getProperty("opencps.test.db"))) {
            String url = EmbeddedPostgresServer.createDatabase("restart_" + UUID.randomUUID().toString().replace("-", ""));
            arguments.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password="));
        }
    }

    /** Sets a property ({@code --name=value}) for the next start, in place of any value it had. */
    public RestartableServer set(String name, String value) {
        arguments.removeIf(argument -> argument.startsWith("--" + name + "="));
        arguments.add("--" + name + "=" + value);
        return this;
    }

    /** Starts the server; it must not be running. */
    public RestartableServer start() {
        if (context != null) {
            throw new IllegalStateException("the server is running");
        }
        var app = new SpringApplication(OpenCpsApplication.class);
        app.addInitializers(starting -> starting.getBeanFactory().registerSingleton("mainClassesOnly",
                new ChildServer.MainClassesOnly()));
        context = app.run(arguments.toArray(String[]::new));
        return this;
    }

    /** Stops the server as a shutdown does: its requests end, its memory is gone, its database stays. */
    public void stop() {
        context.close();
        context = null;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Fixtures in this run's database (they stay after a restart). */
    public World world() {
        return new World(bean(Organizations.class), bean(UserStore.class), bean(Users.class), bean(Passwords.class),
                new MutableClock(Instant.now()), bean(org.opencps.identity.EmailDomains.class));
    }

    @Override
    public void close() {
        if (context != null) {
            stop();
        }
    }
}
