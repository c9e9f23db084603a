package org.opencps.client.scans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.opencps.client.CommandFailure;
import org.opencps.client.ExitCodes;
import org.opencps.client.env.Environment;
import org.opencps.client.http.ApiClient;
import org.opencps.client.http.ApiException;
import org.opencps.client.http.Json;
import org.opencps.client.http.NetworkErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opencps scans list|get}: the person's own scans (My scans), with their API token. */
@Command(name = "scans", mixinStandardHelpOptions = true, subcommands = {ScansCommand.ListScans.class, ScansCommand.GetScan.class},
        description = "Your scans (My scans): list them with their delivery state, download one while it is kept.")
public final class ScansCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a scans command: list or get");
    }

    /** A scan as the API describes it (the fields this command shows). */
    public record Scan(String id, String kind, String destination, String workflow, String fileName, String format, long size,
                       int pages, String state, String lastError, String createdAt, String expiresAt, boolean kept) {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Your scans, newest first.")
    static final class ListScans implements Callable<Integer> {

        @Mixin
        private ScanAccess access;

        @Option(names = "--json", description = "write the scans as JSON to standard output")
        private boolean json;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            Environment environment = Environment.of(spec);
            try (var http = access.httpClient()) {
                ApiClient api = access.api(http, environment);
                List<Scan> scans = calling(api, () -> List.of(api.get("/api/v1/scans", Scan[].class)));
                var out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.writePretty(scans));
                } else {
                    scans.forEach(s -> out.printf("%s  %-9s  %3d page%s  %s%s%n", s.id(), s.state(), s.pages(), s.pages() == 1 ? " " : "s",
                            s.fileName(), s.kept() ? "" : "  (no longer kept)"));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Download one of your scans (decrypted as it streams) to a file; nothing is written if it fails.")
    static final class GetScan implements Callable<Integer> {

        @Mixin
        private ScanAccess access;

        @Parameters(index = "0", paramLabel = "ID", description = "the scan's id (see opencps scans list)")
        private String id;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "where to write the document")
        private Path output;

        @Option(names = "--json", description = "write the scan's details as JSON to standard output")
        private boolean json;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            String scanId = uuid(id);
            Path directory = output.toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw CommandFailure.usage(output + ": its directory does not exist; nothing was fetched");
            }
            Environment environment = Environment.of(spec);
            try (var http = access.httpClient()) {
                ApiClient api = access.api(http, environment);
                Scan scan = calling(api, () -> api.get("/api/v1/scans/" + scanId, Scan.class));
                calling(api, () -> {
                    Path partial = Files.createTempFile(directory, ".opencps-scan-", ".part");
                    try (InputStream document = api.open(api.request("/api/v1/scans/" + scanId + "/document").GET())) {
                        Files.copy(document, partial, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(partial);
                    }
                    return null;
                });
                var out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.writePretty(scan));
                } else {
                    out.printf("%s: scan %s (%s, %d page%s, %s)%n", output, scan.id(), scan.fileName(), scan.pages(),
                            scan.pages() == 1 ? "" : "s", scan.state());
                }
                return ExitCodes.OK;
            }
        }

        private static String uuid(String text) {
            try {
                return UUID.fromString(text).toString();
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage("not a scan id: " + text);
            }
        }
    }

    interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    /** The API's refusals and network failures as the command's own messages (exit code 1). */
    static <T> T calling(ApiClient api, Call<T> call) throws InterruptedException {
        try {
            return call.call();
        } catch (ApiException e) {
            throw CommandFailure.failed(switch (e.status()) {
                case 401 -> "token rejected (expired, revoked or mistyped?)";
                case 404 -> "no such scan of yours" + (e.detail() == null ? "" : " (" + e.detail() + ")");
                default -> e.getMessage();
            });
        } catch (IOException e) {
            throw CommandFailure.failed(NetworkErrors.describe(api.base(), e));
        }
    }
}
