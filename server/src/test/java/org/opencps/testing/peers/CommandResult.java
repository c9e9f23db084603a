package org.opencps.testing.peers;

import java.util.List;

/** What a finished command printed and how it exited. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result, or an exception naming the command, its exit code and what it printed. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new IllegalStateException(describe());
        }
        return this;
    }

    public String describe() {
        return "`" + String.join(" ", command) + "` exited with " + exitCode
                + (stdout.isBlank() ? "" : "\nstdout:\n" + stdout.strip())
                + (stderr.isBlank() ? "" : "\nstderr:\n" + stderr.strip());
    }
}
