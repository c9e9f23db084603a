package org.opencps.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.testing.ChildServer;
import org.opencps.testing.EmbeddedPostgresServer;
import org.opencps.testing.peers.Poll;

/**
 * A real crash: the server runs as a child process (file H2 database, or PostgreSQL under
 * -Ppostgres; filesystem store), is killed
 * with SIGKILL in the middle of an upload, and started again. The job acknowledged before the kill
 * is still there with its document; the interrupted upload left no job, and after the startup
 * sweep no file either.
 */
class CrashSafetyTest {

    @TempDir
    Path dataDir;

    Process server;
    int port;
    /** The child's database: its own H2 file by default; under -Ppostgres, one on the test run's PostgreSQL. */
    List<String> database = List.of();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void aJobAcknowledgedBeforeAKillSurvivesAndAnInterruptedUploadLeavesNothing() throws Exception {
        port = freePort();
        if ("postgres".equals(System.getProperty("opencps.test.db"))) {
            String url = EmbeddedPostgresServer.createDatabase("crash_" + UUID.randomUUID().toString().replace("-", ""));
            database = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=");
        }
        // no sweep in this first run: killed in the middle of one, it would keep the sweep's lock (an
        // hour) from the restarted server (the grace itself is tested in DocumentsTest)
        start("1h", "1h");
        String token = Files.readString(dataDir.resolve("child-token")).strip();

        byte[] pdf = SampleDocuments.pdf(5);
        String jobId = submit(token, pdf);
        String lastJobId;

        try (Socket upload = new Socket("127.0.0.1", port)) {
            OutputStream out = upload.getOutputStream();
            out.write(("POST /api/v1/jobs?name=interrupted HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/pdf\r\nContent-Length: 500000000\r\n\r\n%PDF-1.7\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[256 * 1024];
            new Random(1).nextBytes(chunk);
            Instant deadline = Instant.now().plusSeconds(60);
            while (largestPartialFile() < 4 * 1024 * 1024 && Instant.now().isBefore(deadline)) {
                out.write(chunk);
            }
            assertThat(largestPartialFile()).as("an upload in progress").isGreaterThanOrEqualTo(4 * 1024 * 1024);
            // acknowledged a moment before the kill: its commit must already be on disk
            lastJobId = submit(token, pdf);
            server.destroyForcibly();
            server.waitFor();
        }
        assertThat(files(".partial")).as("what the kill left behind").isNotEmpty();

        start("0s", "1s");
        Poll.until(Duration.ofSeconds(60), "the startup sweep to remove incomplete uploads",
                () -> Optional.of(true).filter(gone -> partialFiles().isEmpty()), () -> "partial files remain");
        assertThat(files(".partial")).as("incomplete uploads after the startup sweep").isEmpty();
        assertThat(files("")).as("blobs after the startup sweep").hasSize(2);

        HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(url("/api/v1/jobs"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(jobs.body(), "$[*].id")).containsExactlyInAnyOrder(jobId, lastJobId);
        HttpResponse<byte[]> document = http.send(HttpRequest.newBuilder(url("/api/v1/jobs/" + jobId + "/document"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(pdf);
        assertThat(Files.exists(dataDir.resolve("db"))).as("an H2 database in the data directory").isEqualTo(database.isEmpty());
    }

    private String submit(String token, byte[] pdf) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(url("/api/v1/jobs?name=acknowledged"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    /** Starts the child; the orphan sweep it runs after {@code sweepDelay} deletes what is older than {@code orphanGrace}. */
    private void start(String orphanGrace, String sweepDelay) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", classPath, ChildServer.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--opencps.data-dir=" + dataDir,
                "--opencps.documents.orphan-grace=" + orphanGrace, "--opencps.documents.orphan-sweep-initial-delay=" + sweepDelay,
                "--spring.main.banner-mode=off"));
        command.addAll(database);
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("child.log").toFile())).start();
        Path log = dataDir.resolve("child.log");
        Poll.until(Duration.ofSeconds(600), "the child server to answer its health check", () -> {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + read(log));
            }
            return Files.exists(dataDir.resolve("child-token")) && healthy() ? Optional.of(true) : Optional.empty();
        }, () -> read(log));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(url("/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private long largestPartialFile() throws IOException {
        long largest = 0;
        for (Path file : files(".partial")) {
            largest = Math.max(largest, Files.size(file));
        }
        return largest;
    }

    /** Files under the document store whose names end with the suffix (all of them for ""). */
    private List<Path> partialFiles() {
        try {
            return files(".partial");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Path> files(String suffix) throws IOException {
        Path documents = dataDir.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(documents)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
