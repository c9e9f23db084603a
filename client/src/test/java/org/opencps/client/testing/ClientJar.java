package org.opencps.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged client, {@code java -jar target/opencps-client.jar ...}, as a person would. */
public final class ClientJar {

    /** How a run ended. */
    public record Run(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private ClientJar() {
    }

    public static Path jar() {
        Path jar = Path.of("target", "opencps-client.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the end-to-end tests run after package");
        }
        return jar;
    }

    public static List<String> command(String... args) {
        var command = new ArrayList<>(List.of(Tools.java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs to the end (at most five minutes). */
    public static Run run(Map<String, String> env, String... args) {
        try {
            Path out = Files.createTempFile("opencps-client-out", ".txt");
            Path err = Files.createTempFile("opencps-client-err", ".txt");
            var builder = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().remove("OPENCPS_TOKEN");
            builder.environment().remove("OPENCPS_SERVER");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("opencps " + String.join(" ", args) + " did not end within 5 minutes");
            }
            var run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts it in the background (the agent). */
    public static Child start(String name, Map<String, String> env, Path log, String... args) {
        return Child.start(name, command(args), env, log);
    }
}
