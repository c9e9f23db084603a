package org.opencps.client.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencps.client.http.HttpClients;

/**
 * The real OpenCPS server, from the jar the reactor built before this module
 * ({@code server/target/opencps-server.jar}), as a process of its own on 127.0.0.1 and a free port,
 * with a fresh data folder and a bootstrap administrator. Optionally over HTTPS with a self-signed
 * certificate made for the run.
 */
public final class ServerUnderTest implements AutoCloseable {

    public static final String ADMIN_EMAIL = "root-admin@example.org";
    public static final String ADMIN_PASSWORD = "Client-e2e-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    private final Path dir;
    private final Child process;
    private final URI url;
    private final Path certificate;

    private ServerUnderTest(Path dir, Child process, URI url, Path certificate) {
        this.dir = dir;
        this.process = process;
        this.url = url;
        this.certificate = certificate;
    }

    public static Path jar() {
        String override = System.getProperty("opencps.server.jar");
        Path jar = (override != null ? Path.of(override) : Path.of("..", "server", "target", "opencps-server.jar")).toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -q -B -o -pl server -DskipTests package)");
        }
        return jar;
    }

    public static ServerUnderTest start(boolean https) {
        Path dir = Tools.tempDir("opencps-client-e2e-server-");
        int port = Tools.freePort();
        Map<String, String> env = new HashMap<>(Map.of(
                "OPENCPS_DATA_DIR", dir.resolve("data").toString(),
                "SERVER_PORT", Integer.toString(port),
                "SERVER_ADDRESS", "127.0.0.1",
                "OPENCPS_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL,
                "OPENCPS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Path certificate = null;
        String scheme = "http";
        if (https) {
            certificate = SelfSignedCertificate.create(dir);
            env.put("OPENCPS_TLS_CERTIFICATE", certificate.toString());
            env.put("OPENCPS_TLS_PRIVATE_KEY", dir.resolve("key.pem").toString());
            scheme = "https";
        }
        URI url = URI.create(scheme + "://127.0.0.1:" + port);
        env.put("OPENCPS_PUBLIC_URL", url.toString());
        Child process = Child.start("opencps server", List.of(Tools.java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
                jar().toString()), env, dir.resolve("server.log"));
        var server = new ServerUnderTest(dir, process, url, certificate);
        try (HttpClient http = HttpClients.create(certificate)) {
            URI health = URI.create(url + "/actuator/health");
            Wait.until(Duration.ofSeconds(180), "the server to answer " + health, () -> {
                process.requireAlive();
                var answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return answer.statusCode() == 200 ? Optional.of(true) : Optional.empty();
            }, process::tail);
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI url() {
        return url;
    }

    /** The PEM certificate it serves over HTTPS ({@code null} over plain HTTP). */
    public Path certificate() {
        return certificate;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public String log() {
        return process.log();
    }

    /** The REST API as the bootstrap administrator. */
    public Rest admin() throws IOException, InterruptedException {
        var rest = new Rest(url, certificate);
        rest.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        return rest;
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            Tools.deleteTree(dir);
        }
    }
}
