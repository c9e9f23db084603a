package org.opencps.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A printer on the "LAN" for the agent and the simulator: CUPS's ippeveprinter on a free loopback
 * port, with the D-Bus daemon of its own it insists on. It "prints" with /bin/true and keeps each
 * document in its spool folder; it takes one job at a time.
 */
public final class LanPrinter implements AutoCloseable {

    private final Path dir;
    private final Child dbus;
    private final Child printer;
    private final int port;

    private LanPrinter(Path dir, Child dbus, Child printer, int port) {
        this.dir = dir;
        this.dbus = dbus;
        this.printer = printer;
        this.port = port;
    }

    public static LanPrinter start() {
        return start("application/pdf,image/jpeg,image/pwg-raster");
    }

    /** A printer accepting only these MIME types (comma-separated). */
    public static LanPrinter start(String formats) {
        String ippeveprinter = Tools.program("/usr/sbin/ippeveprinter", "cups-ipp-utils");
        String dbusDaemon = Tools.program("/usr/bin/dbus-daemon", "dbus");
        Path dir = Tools.tempDir("opencps-lan-printer-");
        Path socket = dir.resolve("bus.sock");
        Child dbus = Child.start("dbus-daemon", List.of(dbusDaemon, "--nofork", "--nopidfile",
                "--config-file=/usr/share/dbus-1/session.conf", "--address=unix:path=" + socket), Map.of(), dir.resolve("dbus.log"));
        Wait.until(Duration.ofSeconds(10), "the D-Bus socket", () -> {
            dbus.requireAlive();
            return Optional.of(socket).filter(Files::exists);
        }, dbus::tail);
        int port = Tools.freePort();
        Path spool = dir.resolve("spool");
        spool.toFile().mkdirs();
        Child printer = Child.start("ippeveprinter", List.of(ippeveprinter, "-2", "-n", "localhost", "-p", Integer.toString(port),
                        "-r", "off", "-k", "-c", "/bin/true", "-d", spool.toString(), "-f", formats,
                        "-m", "LAN Test Printer", "LanTest"),
                Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + socket), dir.resolve("ippeveprinter.log"));
        var lan = new LanPrinter(dir, dbus, printer, port);
        try {
            Wait.until(Duration.ofSeconds(15), "ippeveprinter on port " + port, () -> {
                printer.requireAlive();
                try (var probe = new Socket("127.0.0.1", port)) {
                    return Optional.of(true);
                }
            }, printer::tail);
        } catch (RuntimeException | AssertionError e) {
            lan.close();
            throw e;
        }
        return lan;
    }

    public URI uri() {
        return URI.create("ipp://127.0.0.1:" + port + "/ipp/print");
    }

    /** The documents it has printed (its print command ran on them), oldest first. */
    public List<Path> printed() {
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            return files.filter(f -> !f.toString().endsWith(".prn"))
                    .filter(f -> Files.exists(Path.of(f.toString().replaceFirst("\\.[^.]*$", "") + ".prn")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Path> awaitPrinted(int count, Duration timeout) {
        return Wait.until(timeout, count + " document(s) printed by ippeveprinter", () -> {
            printer.requireAlive();
            List<Path> printed = printed();
            return printed.size() >= count ? Optional.of(printed) : Optional.empty();
        }, () -> printed() + "\n" + printer.tail());
    }

    public String log() {
        return printer.log();
    }

    @Override
    public void close() {
        try {
            printer.close();
        } finally {
            dbus.close();
            Tools.deleteTree(dir);
        }
    }
}
