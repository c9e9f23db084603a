package org.opencps.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A program a test runs in the background, its output in a log file. Closing it (or the test JVM
 * ending) stops it and everything it started.
 */
public final class Child implements AutoCloseable {

    private static final Set<Child> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(Child::kill), "child-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static Child start(String name, List<String> command, Map<String, String> environment, Path log) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            var child = new Child(name, builder.start(), log);
            ALIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.getFirst() + ")", e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    public String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + ":\n" + tail());
        }
    }

    /** SIGKILL for it and its descendants: what a crash or a power cut does to a program. */
    public void kill() {
        List<ProcessHandle> below = process.descendants().toList();
        process.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ALIVE.remove(this);
    }

    /** SIGTERM, ten seconds to end, then {@link #kill()}. */
    @Override
    public void close() {
        List<ProcessHandle> below = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        below.forEach(ProcessHandle::destroyForcibly);
        ALIVE.remove(this);
    }
}
