package org.opencps.testing.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dbus-daemon of our own, on a Unix socket in a temporary folder, standing in for the system bus
 * (ippeveprinter will not start without one). It is a plain child process: no systemd, no activation.
 */
public final class PrivateDbus implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final boolean ownsDir;
    private final PeerProcess process;
    private final String address;

    private PrivateDbus(Path dir, boolean ownsDir, PeerProcess process, String address) {
        this.dir = dir;
        this.ownsDir = ownsDir;
        this.process = process;
        this.address = address;
    }

    /** Starts one in a temporary folder of its own, removed on close. */
    public static PrivateDbus start() {
        return start(WorkDirs.create("opencps-dbus-"), true);
    }

    /** Starts one whose socket and log live in the given (existing) folder. */
    public static PrivateDbus startIn(Path dir) {
        return start(dir, false);
    }

    private static PrivateDbus start(Path dir, boolean ownsDir) {
        String daemon = PeerBinaries.dbusDaemon();
        Path socket = dir.resolve("bus.sock");
        String address = "unix:path=" + socket;
        var process = PeerProcess.start("dbus-daemon", List.of(daemon, "--nofork", "--nopidfile",
                        "--config-file=" + PeerBinaries.DBUS_SESSION_CONF, "--address=" + address),
                Map.of(), dir.resolve("dbus.log"));
        try {
            Poll.until(START_TIMEOUT, "dbus-daemon to listen on " + socket, () -> {
                process.requireAlive();
                return Optional.of(socket).filter(Files::exists);
            }, process::logTail);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new PrivateDbus(dir, ownsDir, process, address);
    }

    /** The bus address, {@code unix:path=...}. */
    public String address() {
        return address;
    }

    /** The environment that makes a program use this bus as its system bus. */
    public Map<String, String> asSystemBus() {
        return Map.of("DBUS_SYSTEM_BUS_ADDRESS", address);
    }

    @Override
    public void close() {
        process.close();
        if (ownsDir) {
            WorkDirs.deleteRecursively(dir);
        }
    }
}
