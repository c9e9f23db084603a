package org.opencps.testing.peers;

import com.hp.jipp.encoding.IppInputStream;
import com.hp.jipp.encoding.IppOutputStream;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Types;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real CUPS scheduler of our own (shared/PEERS.md): cupsd in the foreground on a free 127.0.0.1 port,
 * with its configuration, spool, cache, state and logs in a temporary folder, running its filters and
 * backends as lp. The client tools ({@link #lpadmin}, {@link #lp}, {@link #lpstat}) talk to it through
 * CUPS_SERVER. Closing it stops cupsd and kills any filter or backend still running.
 */
public final class PrivateCupsd implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final Pattern REQUEST_ID = Pattern.compile("request id is (\\S+)");

    private final Path dir;
    private final CupsdFiles files;
    private final PeerProcess process;
    private final int port;

    private PrivateCupsd(Path dir, CupsdFiles files, PeerProcess process, int port) {
        this.dir = dir;
        this.files = files;
        this.process = process;
        this.port = port;
    }

    public static PrivateCupsd start() {
        String program = PeerBinaries.cupsd();
        PeerBinaries.cupsClient(PeerBinaries.LPSTAT);
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("a private cupsd needs root: it runs its filters as lp (User lp), "
                    + "as .ci/run does; this JVM runs as " + System.getProperty("user.name"));
        }
        Path dir = WorkDirs.create("opencps-cupsd-");
        var files = new CupsdFiles(dir);
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = WorkDirs.freeLoopbackPort();
            files.write(port);
            var process = PeerProcess.start("cupsd", List.of(program, "-f", "-c", files.cupsdConf().toString(),
                    "-s", files.cupsFilesConf().toString()), Map.of(), files.stdoutLog(attempt));
            var cupsd = new PrivateCupsd(dir, files, process, port);
            try {
                cupsd.awaitScheduler();
                return cupsd;
            } catch (IllegalStateException e) {
                process.close();
                last = e;
            }
        }
        WorkDirs.deleteRecursively(dir);
        throw new IllegalStateException("cupsd did not start in " + START_ATTEMPTS + " attempts", last);
    }

    private void awaitScheduler() {
        Poll.until(START_TIMEOUT, "cupsd to answer on " + server(), () -> {
            process.requireAlive();
            CommandResult status = client(PeerBinaries.LPSTAT, "-r");
            return status.stdout().strip().equals("scheduler is running") ? Optional.of(true) : Optional.empty();
        }, this::describeState);
    }

    /** {@code 127.0.0.1:PORT}, the value of CUPS_SERVER for its clients. */
    public String server() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The environment that points CUPS client programs at this scheduler. */
    public Map<String, String> clientEnvironment() {
        return Map.of("CUPS_SERVER", server());
    }

    /** {@code ipp://127.0.0.1:PORT/printers/QUEUE}, a queue's own IPP URI. */
    public URI queueUri(String queue) {
        return URI.create("ipp://" + server() + "/printers/" + queue);
    }

    /** Runs lpadmin with these arguments; throws with its output when it fails. */
    public CommandResult lpadmin(String... args) {
        return client(PeerBinaries.LPADMIN, args).requireSuccess();
    }

    /** Runs lp with these arguments; throws with its output when it fails. */
    public CommandResult lp(String... args) {
        return client(PeerBinaries.LP, args).requireSuccess();
    }

    /** Runs lpstat with these arguments; throws with its output when it fails. */
    public CommandResult lpstat(String... args) {
        return client(PeerBinaries.LPSTAT, args).requireSuccess();
    }

    /**
     * Adds an enabled queue with CUPS's driverless IPP Everywhere driver, as a desktop would, and waits
     * until it can print. cupsd answers lpadmin at once and builds the queue's PPD from the printer's
     * attributes in a thread of its own; a job started before that thread is done finds the queue
     * without its filters, and cupsd aborts it as "Unable to convert file 0 to printable format".
     * The thread logs (at info) that the printer "is now available" once the PPD and filters are in place.
     */
    public void addDriverlessQueue(String queue, URI printerUri) {
        lpadmin("-p", queue, "-E", "-v", printerUri.toString(), "-m", "everywhere");
        String available = "Printer \"" + queue + "\" is now available.";
        String failed = queue + ": ";
        Poll.until(CLIENT_TIMEOUT, "cupsd to build the driverless PPD of " + queue, () -> {
            process.requireAlive();
            List<String> log = errorLog();
            if (log.stream().anyMatch(line -> line.startsWith("E ") && line.contains("] " + failed))) {
                throw new IllegalStateException("cupsd could not build the PPD of " + queue + ":\n" + describeState());
            }
            return log.stream().anyMatch(line -> line.endsWith(available)) ? Optional.of(true) : Optional.empty();
        }, this::describeState);
    }

    /**
     * Makes CUPS's ipp backend trust this PEM certificate for connections to {@code host}, and no other:
     * trust on first use is off in this cupsd, so an ipps queue to a host without a trusted certificate
     * (or whose certificate differs) stops with {@code cups-pki-*} reasons instead of printing.
     */
    public void trustCertificate(String host, String pem) {
        files.trustCertificate(host, pem);
    }

    /** Adds an enabled raw queue (no filters) to a device URI such as {@code file:/dev/null}. */
    public void addRawQueue(String queue, String deviceUri) {
        lpadmin("-p", queue, "-E", "-v", deviceUri, "-m", "raw");
    }

    /** Prints a file with lp and returns the job id CUPS gave it ({@code QUEUE-N}). */
    public String print(String queue, Path file, String... lpOptions) {
        List<String> args = new ArrayList<>(List.of("-d", queue));
        args.addAll(Arrays.asList(lpOptions));
        args.add(file.toString());
        String out = lp(args.toArray(String[]::new)).stdout();
        Matcher id = REQUEST_ID.matcher(out);
        if (!id.find()) {
            throw new IllegalStateException("lp printed no request id: " + out);
        }
        return id.group(1);
    }

    /** Waits until CUPS no longer lists the job as pending or processing. */
    public void awaitJobDone(String jobId, Duration timeout) {
        Poll.until(timeout, "CUPS job " + jobId + " to finish", () -> {
            process.requireAlive();
            boolean listed = lpstat("-o").stdout().lines().anyMatch(line -> line.startsWith(jobId + " "));
            return listed ? Optional.empty() : Optional.of(true);
        }, this::describeState);
    }

    /**
     * How a job ended or stands, asked of cupsd with Get-Job-Attributes: job-state (3 pending, 4 held,
     * 5 processing, 6 stopped, 7 canceled, 8 aborted, 9 completed) and its job-state-reasons.
     */
    public JobStatus jobStatus(String jobId) {
        int dash = jobId.lastIndexOf('-');
        String queue = jobId.substring(0, dash);
        int number = Integer.parseInt(jobId.substring(dash + 1));
        var request = new IppPacket.Builder(Operation.getJobAttributes.getCode());
        request.setVersionNumber(0x0200);
        request.setRequestId(1);
        request.putOperationAttributes(Types.attributesCharset.of("utf-8"), Types.attributesNaturalLanguage.of("en"),
                Types.printerUri.of(queueUri(queue)), Types.jobId.of(number), Types.requestingUserName.of("root"),
                Types.requestedAttributes.of("job-state", "job-state-reasons"));
        var body = new ByteArrayOutputStream();
        new IppOutputStream(body).write(request.build());
        try (var http = HttpClient.newHttpClient()) {
            var answer = http.send(HttpRequest.newBuilder(URI.create("http://" + server() + "/printers/" + queue))
                            .timeout(CLIENT_TIMEOUT).header("Content-Type", "application/ipp")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            IppPacket response = new IppInputStream(answer.body()).readPacket();
            var job = response.get(Tag.jobAttributes);
            if (job == null || job.get(Types.jobState) == null) {
                throw new IllegalStateException("cupsd has no state for job " + jobId + ": " + response.prettyPrint(120, "  "));
            }
            return new JobStatus(job.getValue(Types.jobState).getCode(), job.getValues(Types.jobStateReasons));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot ask cupsd about job " + jobId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking cupsd about job " + jobId, e);
        }
    }

    /** A job's job-state code and job-state-reasons keywords, as cupsd reports them. */
    public record JobStatus(int state, List<String> reasons) {

        public static final int COMPLETED = 9;
    }

    /** The last lines of cupsd's error log. */
    public String errorLogTail() {
        try {
            List<String> lines = errorLog();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.UncheckedIOException e) {
            return "(cannot read " + files.errorLog() + ": " + e.getMessage() + ")";
        }
    }

    private List<String> errorLog() {
        try {
            return Files.exists(files.errorLog()) ? Files.readAllLines(files.errorLog()) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CommandResult client(Path tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(PeerBinaries.cupsClient(tool));
        command.addAll(Arrays.asList(args));
        return Commands.run(command, clientEnvironment(), dir, CLIENT_TIMEOUT);
    }

    private String describeState() {
        String queues;
        try {
            CommandResult status = client(PeerBinaries.LPSTAT, "-t");
            queues = status.succeeded() ? status.stdout() : status.describe();
        } catch (RuntimeException e) {
            queues = "(lpstat -t failed: " + e.getMessage() + ")";
        }
        return "lpstat -t:\n" + queues + "\ncupsd printed:\n" + process.logTail()
                + "\ncupsd error log:\n" + errorLogTail();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            WorkDirs.deleteRecursively(dir);
        }
    }
}
