package org.opencps.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    private final Path certificate;

    private LanPrinter(Path dir, Child dbus, Child printer, int port, Path certificate) {
        this.dir = dir;
        this.dbus = dbus;
        this.printer = printer;
        this.port = port;
        this.certificate = certificate;
    }

    private static final String ALL_FORMATS = "application/pdf,image/jpeg,image/pwg-raster";

    public static LanPrinter start() {
        return start(ALL_FORMATS);
    }

    /** A printer accepting only these MIME types (comma-separated). */
    public static LanPrinter start(String formats) {
        return start(formats, false);
    }

    /**
     * A printer that also answers ipps:// with a self-signed certificate for "localhost", made here
     * with openssl the way a printer makes its own; {@link #certificate()} is that certificate.
     */
    public static LanPrinter startWithTls() {
        return start(ALL_FORMATS, true);
    }

    private static LanPrinter start(String formats, boolean tls) {
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
        List<String> command = new ArrayList<>(List.of(ippeveprinter, "-2", "-n", "localhost", "-p", Integer.toString(port),
                "-r", "off", "-k", "-c", "/bin/true", "-d", spool.toString(), "-f", formats, "-m", "LAN Test Printer"));
        Path certificate = null;
        if (tls) {
            Path keys = dir.resolve("keys");
            certificate = selfSignedLocalhost(keys);
            command.addAll(List.of("-K", keys.toString()));
        }
        command.add("LanTest");
        Child printer = Child.start("ippeveprinter", command,
                Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + socket), dir.resolve("ippeveprinter.log"));
        var lan = new LanPrinter(dir, dbus, printer, port, certificate);
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

    /** The same printer over TLS, by the name its certificate carries. */
    public URI secureUri() {
        return URI.create("ipps://localhost:" + port + "/ipp/print");
    }

    /** The printer's self-signed certificate (PEM), for a printer started with TLS. */
    public Path certificate() {
        if (certificate == null) {
            throw new IllegalStateException("this printer was started without TLS");
        }
        return certificate;
    }

    /** ippeveprinter looks in its key folder for HOST.crt and HOST.key, HOST being its -n name. */
    private static Path selfSignedLocalhost(Path keys) {
        String openssl = Tools.program("/usr/bin/openssl", "openssl");
        keys.toFile().mkdirs();
        Path certificate = keys.resolve("localhost.crt");
        try {
            Process process = new ProcessBuilder(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", keys.resolve("localhost.key").toString(), "-out", certificate.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("openssl could not make the printer's certificate: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return certificate;
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
