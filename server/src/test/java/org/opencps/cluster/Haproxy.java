package org.opencps.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real HAProxy (Debian's package) on loopback in front of the server processes: round robin,
 * health checks on {@code /actuator/health}, retries of requests that found no connection, TLS taken
 * as ended here ({@code X-Forwarded-Proto: https}, as in production), and the header
 * {@code X-Served-By} naming the process that answered. A test may send a request to one process
 * through the proxy with {@code X-Route-To: <name>} (when that process is up).
 */
final class Haproxy {

    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    final int port;
    private final int statsPort;
    private final Process process;

    private Haproxy(int port, int statsPort, Process process) {
        this.port = port;
        this.statsPort = statsPort;
        this.process = process;
    }

    static Haproxy start(Path work, List<ServerProcess> servers) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's haproxy package (.ci/run does)");
        }
        int port = ServerProcess.freePort();
        int statsPort = ServerProcess.freePort();
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 512
                listen stats
                    mode http
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                    timeout connect 5s
                    timeout client 10s
                    timeout server 10s
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch
                    retry-on conn-failure empty-response
                frontend opencps
                    bind 127.0.0.1:%d
                    option forwardfor
                    http-request set-header X-Forwarded-Proto https
                    default_backend servers
                backend servers
                    balance roundrobin
                    option httpchk GET /actuator/health
                    http-check expect status 200
                    http-response set-header X-Served-By %%s
                """.formatted(statsPort, port));
        for (ServerProcess server : servers) {
            config.append("    use-server ").append(server.name).append(" if { req.hdr(X-Route-To) -m str ")
                    .append(server.name).append(" }\n");
        }
        for (ServerProcess server : servers) {
            config.append("    server ").append(server.name).append(" 127.0.0.1:").append(server.port)
                    .append(" check inter 500ms fall 2 rise 1\n");
        }
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        return new Haproxy(port, statsPort, process);
    }

    /** The proxy's view of one server: UP, DOWN, or a transition such as "UP 1/2" (its statistics page, CSV). */
    String status(String server) throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + statsPort + "/stats;csv")).build();
        String csv = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().replaceFirst("^# ", "").split(","));
        int status = header.indexOf("status");
        return csv.lines().map(line -> line.split(",", -1)).filter(row -> row[0].equals("servers") && row[1].equals(server))
                .map(row -> row[status]).findFirst().orElseThrow(() -> new IllegalStateException("no server " + server + " in " + csv));
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
