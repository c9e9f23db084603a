package org.opencps.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CUPS's ippeveprinter: a real IPP Everywhere printer on a free loopback port (127.0.0.1 and ::1, as
 * "localhost"), with its own private D-Bus. It reports duplex ({@code -2}: ipp-everywhere.test requires
 * pwg-raster-document-sheet-back, which ippeveprinter only reports for a duplex printer), "prints" with
 * {@code /bin/true} and keeps every document it receives in its spool folder. It takes one job at a
 * time: another job meanwhile gets server-error-busy (CUPS retries; give ipptool
 * {@link Ipptool#repeatOnBusy()}).
 */
public final class IppEvePrinter implements AutoCloseable {

    public static final String DEFAULT_FORMATS = "application/pdf,image/jpeg,image/pwg-raster";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final int START_ATTEMPTS = 3;
    private static final Duration UP_TIME_TICK = Duration.ofSeconds(1);

    private final Path dir;
    private final PrivateDbus dbus;
    private final PeerProcess process;
    private final int port;

    private IppEvePrinter(Path dir, PrivateDbus dbus, PeerProcess process, int port) {
        this.dir = dir;
        this.dbus = dbus;
        this.process = process;
        this.port = port;
    }

    /** A printer accepting PDF, JPEG and PWG raster. */
    public static IppEvePrinter start() {
        return start(DEFAULT_FORMATS);
    }

    /** A printer accepting the given comma-separated MIME types. */
    public static IppEvePrinter start(String formats) {
        String program = PeerBinaries.ippeveprinter();
        Path dir = WorkDirs.create("opencps-ippeveprinter-");
        Path spool = WorkDirs.mkdirs(dir.resolve("spool"));
        PrivateDbus dbus = null;
        try {
            dbus = PrivateDbus.startIn(dir);
            IllegalStateException last = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                int port = WorkDirs.freeLoopbackPort();
                var process = PeerProcess.start("ippeveprinter", List.of(program, "-2", "-n", "localhost",
                                "-p", Integer.toString(port), "-r", "off", "-k", "-c", "/bin/true",
                                "-d", spool.toString(), "-f", formats, "-m", "OpenCPS Test Printer", "Test"),
                        dbus.asSystemBus(), dir.resolve("ippeveprinter-" + attempt + ".log"));
                try {
                    awaitAnswer(process, port);
                    return new IppEvePrinter(dir, dbus, process, port);
                } catch (IllegalStateException e) {
                    process.close();
                    last = e;
                }
            }
            throw new IllegalStateException("ippeveprinter did not start in " + START_ATTEMPTS + " attempts", last);
        } catch (RuntimeException e) {
            if (dbus != null) {
                dbus.close();
            }
            WorkDirs.deleteRecursively(dir);
            throw e;
        }
    }

    /**
     * Waits until it answers HTTP, and then until a second has passed: it counts printer-up-time in whole
     * seconds from its start, and IPP requires a value above 0 (ipp-1.1.test checks it).
     */
    private static void awaitAnswer(PeerProcess process, int port) {
        URI home = URI.create("http://127.0.0.1:" + port + "/");
        long[] firstAnswer = {0};
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            Poll.until(START_TIMEOUT, "ippeveprinter to answer on " + home + " and be up for a second", () -> {
                process.requireAlive();
                if (firstAnswer[0] == 0) {
                    try {
                        http.send(HttpRequest.newBuilder(home).timeout(Duration.ofSeconds(2)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        firstAnswer[0] = System.nanoTime();
                    } catch (IOException e) {
                        return Optional.empty();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
                boolean upOneSecond = System.nanoTime() - firstAnswer[0] >= UP_TIME_TICK.toNanos();
                return upOneSecond ? Optional.of(true) : Optional.empty();
            }, process::logTail);
        }
    }

    /** The printer's IPP URI, {@code ipp://localhost:PORT/ipp/print}. */
    public URI uri() {
        return URI.create("ipp://localhost:" + port + "/ipp/print");
    }

    public int port() {
        return port;
    }

    public Path spool() {
        return dir.resolve("spool");
    }

    /**
     * The documents received so far, oldest job first. A document counts once ippeveprinter has run its
     * print command on it (it then writes a {@code .prn} file next to it), so it is complete.
     */
    public List<Path> documents() {
        try (Stream<Path> files = Files.list(spool())) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".prn"))
                    .filter(file -> Files.exists(printOutputOf(file)))
                    .sorted((a, b) -> Long.compare(jobId(a), jobId(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + spool(), e);
        }
    }

    /** Waits until at least {@code count} documents have arrived; returns them all. */
    public List<Path> awaitDocuments(int count, Duration timeout) {
        return Poll.until(timeout, count + " document(s) in ippeveprinter's spool " + spool(), () -> {
            process.requireAlive();
            List<Path> documents = documents();
            return documents.size() >= count ? Optional.of(documents) : Optional.empty();
        }, () -> "spool holds " + documents() + "; ippeveprinter printed:\n" + process.logTail());
    }

    /** The last lines ippeveprinter printed. */
    public String logTail() {
        return process.logTail();
    }

    private static Path printOutputOf(Path document) {
        String name = document.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return document.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".prn");
    }

    private static long jobId(Path document) {
        String name = document.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? name : name.substring(0, dash));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            dbus.close();
            WorkDirs.deleteRecursively(dir);
        }
    }
}
