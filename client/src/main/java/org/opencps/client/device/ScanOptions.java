package org.opencps.client.device;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencps.client.CommandFailure;
import org.opencps.client.DurationConverter;
import picocli.CommandLine.Option;

/** What the person at the simulated panel scans, and where to. */
public final class ScanOptions {

    private static final List<String> PLAIN = List.of("me", "email", "drive", "onedrive", "sharepoint", "box");

    @Option(names = "--scan", paramLabel = "FILE", arity = "1..*",
            description = "scan these files (PDF or JPEG), one upload each, after logging in")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--to", paramLabel = "DESTINATION", defaultValue = "me",
            description = "where the scans go: me, email, address:NAME, drive, onedrive, sharepoint, box or workflow:NAME"
                    + " (default: ${DEFAULT-VALUE})")
    private String to;

    @Option(names = "--scan-timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "how long to wait for each scan's delivery (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    boolean requested() {
        return !files.isEmpty();
    }

    List<Path> files() {
        return files;
    }

    Duration timeout() {
        return timeout;
    }

    void validate(boolean loggingIn) {
        if (files.isEmpty()) {
            return;
        }
        if (!loggingIn) {
            throw CommandFailure.usage("--scan needs a person logged in: --pin, --card or --email with --password-file");
        }
        query();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw CommandFailure.usage(file + ": no such readable file; nothing was scanned");
            }
            contentType(file);
        }
    }

    /** The upload's parameters: to=me, or to=address&address=NAME, to=workflow&workflow=NAME. */
    String query() {
        String destination = to.strip();
        if (PLAIN.contains(destination.toLowerCase(Locale.ROOT))) {
            return "to=" + destination.toLowerCase(Locale.ROOT);
        }
        int colon = destination.indexOf(':');
        String kind = colon < 0 ? destination : destination.substring(0, colon).toLowerCase(Locale.ROOT);
        String name = colon < 0 ? "" : destination.substring(colon + 1).strip();
        if ((kind.equals("address") || kind.equals("workflow")) && !name.isEmpty()) {
            return "to=" + kind + "&" + kind + "=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        }
        throw CommandFailure.usage("--to: not a destination: " + to + " (me, email, address:NAME, drive, onedrive, sharepoint,"
                + " box or workflow:NAME)");
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        throw CommandFailure.usage(file + ": a scan is a PDF (.pdf) or a JPEG (.jpg, .jpeg)");
    }
}
