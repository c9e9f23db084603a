package org.opencps.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real DNS server on 127.0.0.1 for the test run: Debian's {@code unbound}, answering for the zones {@code test.}
 * and {@code example.} from records the tests publish and withdraw through {@code unbound-control} while it runs
 * (every other name there is NXDOMAIN; nothing is forwarded). One per JVM, stopped when it exits.
 */
public final class LoopbackDns {

    /** The system property the server's DNS client reads ({@code opencps.sso.dns-server}). */
    public static final String PROPERTY = "opencps.sso.dns-server";

    private static final Path UNBOUND = Path.of("/usr/sbin/unbound");
    private static final Path UNBOUND_CONTROL = Path.of("/usr/sbin/unbound-control");
    private static LoopbackDns shared;

    private final Path config;
    private final int port;

    private LoopbackDns(Path config, int port) {
        this.config = config;
        this.port = port;
    }

    public static synchronized LoopbackDns shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** host:port */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Adds a TXT record (60 s TTL) to {@code name}. */
    public void publishTxt(String name, String value) {
        control("local_data", fqdn(name) + " 60 IN TXT \"" + value + "\"");
    }

    /** Removes every record of {@code name}. */
    public void withdraw(String name) {
        control("local_data_remove", fqdn(name));
    }

    private static String fqdn(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    private void control(String... arguments) {
        var command = new java.util.ArrayList<>(List.of(PeerBinaries.require(UNBOUND_CONTROL, "unbound").toString(),
                "-c", config.toString()));
        command.addAll(List.of(arguments));
        Commands.run(command, Map.of(), null, Duration.ofSeconds(20)).requireSuccess();
    }

    private static LoopbackDns start() {
        PeerBinaries.require(UNBOUND, "unbound");
        Path dir = WorkDirs.create("opencps-dns-");
        int port = WorkDirs.freeLoopbackPort();
        Path config = dir.resolve("unbound.conf");
        try {
            Files.writeString(config, """
                    server:
                      interface: 127.0.0.1@%1$d
                      port: %1$d
                      do-daemonize: no
                      do-ip6: no
                      username: ""
                      chroot: ""
                      directory: "%2$s"
                      pidfile: ""
                      use-syslog: no
                      logfile: ""
                      access-control: 127.0.0.0/8 allow
                      local-zone: "test." static
                      local-zone: "example." static
                    remote-control:
                      control-enable: yes
                      control-interface: %2$s/control.sock
                      control-use-cert: no
                    """.formatted(port, dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var process = PeerProcess.start("unbound", List.of(UNBOUND.toString(), "-c", config.toString()), Map.of(),
                dir.resolve("unbound.log"));
        var dns = new LoopbackDns(config, port);
        Poll.until(Duration.ofSeconds(30), "unbound to answer unbound-control", () -> {
            process.requireAlive();
            var status = Commands.run(List.of(UNBOUND_CONTROL.toString(), "-c", config.toString(), "status"), Map.of(), null,
                    Duration.ofSeconds(10));
            return status.succeeded() ? Optional.of(true) : Optional.empty();
        }, () -> "unbound log in " + dir);
        return dns;
    }

    /** Starts the server before the test class's Spring context and points the server's DNS client at it. */
    public static final class Extension implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            System.setProperty(PROPERTY, shared().address());
        }
    }
}
