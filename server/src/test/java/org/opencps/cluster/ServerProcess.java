package org.opencps.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One OpenCPS server started from the built jar in a JVM of its own, logging to a file; killable. */
final class ServerProcess {

    final String name;
    final int port;
    final Path log;
    private final List<String> command;
    private final Process process;

    private ServerProcess(String name, int port, Path log, List<String> command, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.process = process;
    }

    /** The jar {@code package} built; the cluster test runs after it ({@code -Pcluster}, phase integration-test). */
    static Path jar() {
        Path jar = Path.of("target", "opencps-server.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the cluster test with `./mvnw -B -pl server verify -Pcluster`, "
                    + "which builds the jar first");
        }
        return jar;
    }

    static ServerProcess start(String name, Path work, Map<String, String> properties) throws IOException {
        int port = freePort();
        Path dataDir = Files.createDirectories(work.resolve(name));
        Path log = work.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--opencps.data-dir=" + dataDir,
                "--spring.main.banner-mode=off"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new ServerProcess(name, port, log, command, launch(command, log));
    }

    /** The same process again (same port, settings and data folder), after it ended; its log goes on in the same file. */
    ServerProcess restart() throws IOException {
        if (alive()) {
            throw new IllegalStateException("server process " + name + " is still running");
        }
        return new ServerProcess(name, port, log, command, launch(command, log));
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no request finished, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
