package org.opencps.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Programs and ports the tests need; a missing program fails the test, naming its Debian package. */
public final class Tools {

    private Tools() {
    }

    public static String program(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: apt-get install " + debianPackage);
        }
        return path;
    }

    /** The java the tests run on (21 or newer), for the jars started as processes. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
