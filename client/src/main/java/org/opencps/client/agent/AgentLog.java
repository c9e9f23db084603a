package org.opencps.client.agent;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The agent's log: one time-stamped line per event, on standard error. Never given a secret. */
final class AgentLog {

    private final PrintWriter out;

    AgentLog(PrintWriter out) {
        this.out = out;
    }

    void info(String message) {
        line("", message);
    }

    void warn(String message) {
        line("WARNING ", message);
    }

    private synchronized void line(String level, String message) {
        out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + message);
        out.flush();
    }
}
