package org.opencps.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real HAProxy (Debian's package) on loopback in front of the server processes: round robin,
 * health checks on {@code /actuator/health}, retries of requests that found no connection, and the
 * header {@code X-Served-By} naming the process that answered.
 */
final class Haproxy {

    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    final int port;
    private final Process process;

    private Haproxy(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Haproxy start(Path work, List<ServerProcess> servers) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's haproxy package (.ci/run does)");
        }
        int port = ServerProcess.freePort();
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 512
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
                    default_backend servers
                backend servers
                    balance roundrobin
                    option httpchk GET /actuator/health
                    http-check expect status 200
                    http-response set-header X-Served-By %%s
                """.formatted(port));
        for (ServerProcess server : servers) {
            config.append("    server ").append(server.name).append(" 127.0.0.1:").append(server.port)
                    .append(" check inter 500ms fall 2 rise 1\n");
        }
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        return new Haproxy(port, process);
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
