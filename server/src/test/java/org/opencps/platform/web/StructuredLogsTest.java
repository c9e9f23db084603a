package org.opencps.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.testing.ChildServer;
import org.opencps.testing.peers.Poll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code logging.structured.format.console=logstash} the server writes each log line as one
 * JSON object, and the lines written while serving a request carry its id (the one returned in
 * {@code X-Request-Id}). A real server in a process of its own, so that its logging setup is its
 * own and not this JVM's.
 */
class StructuredLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path dataDir;
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void logLinesAreJsonAndCarryTheRequestId() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path out = dataDir.resolve("stdout.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), ChildServer.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--opencps.data-dir=" + dataDir.resolve("data"),
                "--spring.main.banner-mode=off", "--logging.structured.format.console=logstash",
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG"))
                .redirectOutput(out.toFile()).redirectError(dataDir.resolve("stderr.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        // a cap for a loaded machine, not a timing expectation
        Poll.until(Duration.ofMinutes(10), "the child server to answer", () -> {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited: " + read(dataDir.resolve("stderr.log")));
            }
            return answers(http, health) ? Optional.of(true) : Optional.empty();
        }, () -> read(out));

        String id = "json-log-probe-4711";
        var answer = http.send(HttpRequest.newBuilder(health).header("X-Request-Id", id).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("X-Request-Id")).contains(id);

        Poll.until(Duration.ofSeconds(30), "a log line of the request", () -> read(out).contains(id) ? Optional.of(true)
                : Optional.empty(), () -> read(out));
        List<String> lines = Files.readAllLines(out).stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        List<JsonNode> entries = lines.stream().map(JSON::readTree).toList();
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.isObject()).isTrue();
            assertThat(entry.path("message").isString()).isTrue();
            assertThat(entry.path("@timestamp").isString()).isTrue();
        });
        List<JsonNode> ofTheRequest = entries.stream().filter(entry -> id.equals(entry.path("requestId").asString(""))).toList();
        assertThat(ofTheRequest).as("log lines carrying the request's id").isNotEmpty()
                .anySatisfy(entry -> assertThat(entry.path("message").asString("")).contains("/actuator/health"));
    }

    private static boolean answers(HttpClient http, URI health) {
        try {
            return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }
}
