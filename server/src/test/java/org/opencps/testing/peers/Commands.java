package org.opencps.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived command to completion, within a time limit, capturing what it prints. */
final class Commands {

    private Commands() {
    }

    static CommandResult run(List<String> command, Map<String, String> environment, Path workingDirectory,
                             Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("opencps-cmd-", ".out");
            stderr = Files.createTempFile("opencps-cmd-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                PeerProcess.killTree(process.toHandle());
                throw new IllegalStateException("`" + String.join(" ", command) + "` did not finish within "
                        + timeout.toSeconds() + " s and was killed; it had printed:\n" + Files.readString(stdout)
                        + Files.readString(stderr));
            }
            return new CommandResult(List.copyOf(command), process.exitValue(), Files.readString(stdout),
                    Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
