package org.opencps.client.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.device.DurableFiles;
import org.opencps.client.http.Json;

/**
 * The agent's promise never to print a job twice, kept on disk. Before a job goes to a printer the
 * journal records "printing" and forces it to disk; then "sent" with the printer's job id, "printed"
 * with the outcome, and "reported" once the server has it. A job found "printing", "sent" or
 * "printed" after a restart is finished from there and never sent again. "abandoned" says nothing
 * reached the printer, so a later release of the job may be printed.
 *
 * <p>One JSON record per line, each a full snapshot of its job's entry. A last line torn by a crash
 * is dropped (its step had not happened: nothing proceeds before its record is on disk); any other
 * unreadable line stops the agent rather than risk a second print. Opening rewrites the file with the
 * unfinished entries only.
 */
public final class Journal implements AutoCloseable {

    public enum Step { PRINTING, SENT, PRINTED, REPORTED, ABANDONED }

    /** What to do next with a job released to a printer, given what the journal holds about it. */
    public enum Action {
        /** Nothing recorded (or finished before): a new release, print it. */
        SEND,
        /** Cut off while sending: look for it on the printer, and never send it again. */
        FIND_ON_PRINTER,
        /** The printer has it: wait for its end. */
        AWAIT_PRINTER,
        /** Printed (or failed) already: only the report is missing. */
        REPORT
    }

    public static Action next(Optional<Entry> entry) {
        if (entry.isEmpty() || entry.get().finished()) {
            return Action.SEND;
        }
        return switch (entry.get().step()) {
            case PRINTING -> Action.FIND_ON_PRINTER;
            case SENT -> Action.AWAIT_PRINTER;
            default -> Action.REPORT;
        };
    }

    /** One job on one printer, as far as it got. */
    public record Entry(String printer, String jobId, Step step, Release release, Integer ippJobId, Outcome outcome, Instant at) {

        public boolean finished() {
            return step == Step.REPORTED || step == Step.ABANDONED;
        }

        Entry next(Step nextStep, Integer ippJob, Outcome result) {
            return new Entry(printer, jobId, nextStep, release, ippJob != null ? ippJob : ippJobId,
                    result != null ? result : outcome, Instant.now());
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Entry> unfinished;

    private Journal(Path file, FileChannel channel, Map<String, Entry> unfinished) {
        this.file = file;
        this.channel = channel;
        this.unfinished = unfinished;
    }

    public static Journal open(Path file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            boolean torn = !lines.isEmpty() && !endsWithNewline(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                Entry entry;
                try {
                    entry = Json.read(line, Entry.class);
                } catch (IOException e) {
                    if (torn && i == lines.size() - 1) {
                        break;
                    }
                    throw new IOException("the journal " + file + " is damaged at line " + (i + 1)
                            + "; move it away only after checking its jobs by hand", e);
                }
                if (torn && i == lines.size() - 1) {
                    break;
                }
                entries.put(key(entry.printer(), entry.jobId()), entry);
            }
        }
        entries.values().removeIf(Entry::finished);
        var compacted = new StringBuilder();
        entries.values().forEach(entry -> compacted.append(Json.write(entry)).append('\n'));
        DurableFiles.write(file, compacted.toString());
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        return new Journal(file, channel, entries);
    }

    public Path file() {
        return file;
    }

    /** The jobs not yet finished (reported or abandoned), oldest first. */
    public synchronized List<Entry> unfinished() {
        return new ArrayList<>(unfinished.values());
    }

    public synchronized Optional<Entry> find(String printer, String jobId) {
        return Optional.ofNullable(unfinished.get(key(printer, jobId)));
    }

    /** Recorded before the first byte goes to the printer. */
    public synchronized Entry printing(String printer, Release release) throws IOException {
        if (unfinished.containsKey(key(printer, release.jobId()))) {
            throw new IllegalStateException("job " + release.jobId() + " is already in the journal");
        }
        return append(new Entry(printer, release.jobId(), Step.PRINTING, release, null, null, Instant.now()));
    }

    public synchronized Entry sent(Entry entry, int ippJobId) throws IOException {
        return append(current(entry).next(Step.SENT, ippJobId, null));
    }

    public synchronized Entry printed(Entry entry, Outcome outcome) throws IOException {
        return append(current(entry).next(Step.PRINTED, null, outcome));
    }

    public synchronized Entry reported(Entry entry) throws IOException {
        return append(current(entry).next(Step.REPORTED, null, null));
    }

    public synchronized Entry abandoned(Entry entry) throws IOException {
        return append(current(entry).next(Step.ABANDONED, null, null));
    }

    private Entry current(Entry entry) {
        Entry current = unfinished.get(key(entry.printer(), entry.jobId()));
        if (current == null) {
            throw new IllegalStateException("job " + entry.jobId() + " is not in the journal");
        }
        return current;
    }

    private Entry append(Entry entry) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((Json.write(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(true);
        String key = key(entry.printer(), entry.jobId());
        if (entry.finished()) {
            unfinished.remove(key);
        } else {
            unfinished.put(key, entry);
        }
        return entry;
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) == '\n';
        }
    }

    private static String key(String printer, String jobId) {
        return printer + "/" + jobId;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
