package org.opencps.testing.peers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CUPS's ipptool, run against a printer URI with test files from /usr/share/cups/ipptool (or paths of
 * our own), in test-report mode. For example:
 *
 * <pre>{@code
 * IpptoolReport report = Ipptool.against(printer.uri()).file(pdf).define("NOPRINT", "1").repeatOnBusy()
 *         .run("ipp-everywhere.test");
 * assertThat(report.problemsExcept(Ipptool.DOCUMENT_NUMBER_TYPO)).isEmpty();
 * }</pre>
 *
 * Credentials go in the URI ({@code ipp://user:password@host:port/path}).
 */
public final class Ipptool {

    /**
     * CUPS 2.4's ipp-everywhere.test wants {@code overrides-supported} to hold "document-number", but the
     * keyword registered with IANA (PWG 5100.6) is "document-numbers", which CUPS's own ippeveprinter
     * reports. The PWG's self-certification suite had the same typo and fixed it (istopwg/ippeveselfcert#15).
     */
    public static final IpptoolReport.Waiver DOCUMENT_NUMBER_TYPO = new IpptoolReport.Waiver(
            "PWG 5100.14 section 5.1/5.2 - Required Operations and Attributes",
            "overrides-supported WITH-VALUE \"document-number\"",
            "the test file misspells the registered keyword document-numbers");

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
    private static final int IO_TIMEOUT_SECONDS = 30;

    private final URI uri;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private Path document;
    private boolean repeatOnBusy;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Ipptool(URI uri) {
        this.uri = uri;
    }

    public static Ipptool against(URI printerUri) {
        return new Ipptool(printerUri);
    }

    /** {@code -d name=value}: a variable the test files read (NOPRINT, filetype, ...). */
    public Ipptool define(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** {@code -f file}: the document the test files print ($filename; $filetype is guessed from it). */
    public Ipptool file(Path document) {
        this.document = document;
        return this;
    }

    /** {@code -R}: repeat a request answered with server-error-busy (a printer that takes one job at a time). */
    public Ipptool repeatOnBusy() {
        this.repeatOnBusy = true;
        return this;
    }

    /** The longest the whole run may take before ipptool is killed (default three minutes). */
    public Ipptool timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Runs the test files (names in /usr/share/cups/ipptool, or paths) and parses the report. */
    public IpptoolReport run(String... testFiles) {
        String program = PeerBinaries.ipptool();
        List<String> command = new ArrayList<>(List.of(program, "-t", "-T", Integer.toString(IO_TIMEOUT_SECONDS)));
        if (repeatOnBusy) {
            command.add("-R");
        }
        if (document != null) {
            command.addAll(List.of("-f", document.toAbsolutePath().toString()));
        }
        variables.forEach((name, value) -> command.addAll(List.of("-d", name + "=" + value)));
        command.add(uri.toString());
        for (String testFile : testFiles) {
            command.add(requireTestFile(testFile));
        }
        Path scratch = WorkDirs.create("opencps-ipptool-");
        try {
            return IpptoolReport.parse(Commands.run(command, Map.of(), scratch, timeout));
        } finally {
            WorkDirs.deleteRecursively(scratch);
        }
    }

    private static String requireTestFile(String testFile) {
        Path file = testFile.contains("/") ? Path.of(testFile) : PeerBinaries.IPPTOOL_TESTS.resolve(testFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no ipptool test file " + file
                    + (testFile.contains("/") ? "" : ": install cups-ipp-utils (see .ci/run)"));
        }
        return file.toString();
    }
}
