package org.opencps.client.print;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencps.client.CommandFailure;
import org.opencps.client.ExitCodes;
import org.opencps.client.env.Environment;
import org.opencps.client.TicketOptions;
import org.opencps.client.http.ApiClient;
import org.opencps.client.http.ApiException;
import org.opencps.client.http.Json;
import org.opencps.client.http.NetworkErrors;
import org.opencps.client.http.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opencps print FILE...}: each file becomes one held job of the token's owner. */
@Command(name = "print", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Submit files (PDF, JPEG, PWG raster, URF) as your held print jobs, to release at a printer.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file became a job", "1:some file did not (refused, server unreachable, token rejected)",
                "2:usage error (bad option, missing file, no token): nothing was sent"})
public final class PrintCommand implements Callable<Integer> {

    @Mixin
    private ServerOptions serverOptions;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "your personal API token (ocps_...); other people on this computer can see it in the"
                    + " process list, so prefer --token-file or $" + TokenSource.TOKEN_ENV)
    private String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "read the API token from this file")
    private Path tokenFile;

    @Mixin
    private TicketOptions ticketOptions;

    @Option(names = "--name", paramLabel = "NAME", description = "the job's name (one file only; default: the file name)")
    private String name;

    @Option(names = "--json", description = "write the jobs as JSON to standard output")
    private boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the files to print")
    private List<Path> files;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintTicket ticket = ticket();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw CommandFailure.usage(file + ": no such readable file; nothing was sent");
            }
        }
        Environment environment = Environment.of(spec);
        var server = serverOptions.server(environment);
        String secret = TokenSource.resolve(token, tokenFile, environment);
        try (var http = serverOptions.httpClient()) {
            var submitter = new JobSubmitter(new ApiClient(http, server, Map.of("Authorization", "Bearer " + secret)));
            List<PrintResult> results = new ArrayList<>();
            String stopped = null;
            for (Path file : files) {
                if (stopped != null) {
                    results.add(PrintResult.failed(file, "not sent: " + stopped));
                    report(results.getLast());
                    continue;
                }
                PrintTicket forFile = ticket.named(name != null ? name : String.valueOf(file.getFileName()));
                try {
                    results.add(PrintResult.ok(file, submitter.submit(file, forFile)));
                } catch (FileNotFoundException e) {
                    results.add(PrintResult.failed(file, e.getMessage()));
                } catch (IOException e) {
                    stopped = NetworkErrors.describe(server, e);
                    results.add(PrintResult.failed(file, stopped));
                } catch (ApiException e) {
                    if (e.status() == 401) {
                        stopped = "token rejected (expired, revoked or mistyped?)";
                    }
                    results.add(PrintResult.failed(file, stopped != null ? stopped : e.getMessage()));
                }
                report(results.getLast());
            }
            if (json) {
                spec.commandLine().getOut().println(Json.writePretty(results));
            }
            return results.stream().allMatch(PrintResult::succeeded) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private PrintTicket ticket() {
        ticketOptions.validate();
        if (name != null && files.size() > 1) {
            throw CommandFailure.usage("--name names one job: give it with one file only");
        }
        if (name != null && name.isBlank()) {
            throw CommandFailure.usage("--name must not be empty");
        }
        return new PrintTicket(null, ticketOptions.copies(), keyword(ticketOptions.sides()), keyword(ticketOptions.colorMode()));
    }

    /** The REST API's query form: two-sided-long-edge, monochrome. */
    private static String keyword(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private void report(PrintResult result) {
        if (result.succeeded()) {
            if (!json) {
                SubmittedJob job = result.job();
                spec.commandLine().getOut().printf("%s: job %s %s, %d page%s%n", result.file(), job.id(),
                        job.state() == null ? "submitted" : job.state().toLowerCase(java.util.Locale.ROOT),
                        job.pages(), job.pages() == 1 ? "" : "s");
            }
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println("opencps print: " + result.file() + ": " + result.error());
            err.flush();
        }
    }

    /** One file's fate, as --json writes it. */
    record PrintResult(String file, SubmittedJob job, String error) {

        static PrintResult ok(Path file, SubmittedJob job) {
            return new PrintResult(file.toString(), job, null);
        }

        static PrintResult failed(Path file, String error) {
            return new PrintResult(file.toString(), null, error);
        }

        boolean succeeded() {
            return job != null;
        }
    }
}
