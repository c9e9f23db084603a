import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time a process has used, from /proc: the whole process (utime + stime of /proc/PID/stat,
 * every thread, ended ones too) and per thread group (/proc/PID/task/TID/stat, living threads, grouped
 * by name without digits: "http-nio-#-exec-#", "C2 CompilerThre#", "GC Thread##"...). bench/ipp-cpu.sh
 * and ReleaseCpu use it; from the shell:
 * <pre>java ProcessCpu snapshot PID TICKS_PER_SECOND FILE
 * java ProcessCpu report BEFORE_FILE AFTER_FILE OPERATIONS TITLE NAME</pre>
 * (the last line of a report: "cpu_ms_per_NAME: X", without the JIT compiler's and the recorder's threads)
 */
public record ProcessCpu(long pid, int ticksPerSecond) {

    /** One moment: the process's user and system seconds, and each thread group's seconds. */
    record Snapshot(double user, double system, Map<String, Double> threads) {

        double total() {
            return user + system;
        }

        String serialize() {
            var text = new StringBuilder(user + "\n" + system + "\n");
            threads.forEach((name, seconds) -> text.append(seconds).append('\t').append(name).append('\n'));
            return text.toString();
        }

        static Snapshot parse(String text) {
            String[] lines = text.split("\n");
            Map<String, Double> threads = new HashMap<>();
            for (int i = 2; i < lines.length; i++) {
                String[] parts = lines[i].split("\t", 2);
                threads.put(parts[1], Double.parseDouble(parts[0]));
            }
            return new Snapshot(Double.parseDouble(lines[0]), Double.parseDouble(lines[1]), threads);
        }
    }

    Snapshot snapshot() throws IOException {
        long[] process = ticks(Path.of("/proc/" + pid + "/stat"));
        Map<String, Double> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    long[] used = ticks(task.resolve("stat"));
                    threads.merge(name, (double) (used[0] + used[1]) / ticksPerSecond, Double::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended while we listed them
                }
            }
        }
        return new Snapshot((double) process[0] / ticksPerSecond, (double) process[1] / ticksPerSecond, threads);
    }

    double seconds() throws IOException {
        return snapshot().total();
    }

    /** utime and stime (fields 14 and 15) of a stat file; the command name (field 2) may hold spaces. */
    private static long[] ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        return new long[] {Long.parseLong(fields[14 - 3]), Long.parseLong(fields[15 - 3])};
    }

    /**
     * Seconds used between two snapshots by every thread but the JIT compiler's (compiling is warm-up,
     * not the operations' cost, and under load it goes on long after any warm-up) and the Flight
     * Recorder's (the measurement's own cost).
     */
    static double operationsSeconds(Snapshot before, Snapshot after) {
        double excluded = used(before, after).entrySet().stream().filter(entry -> isOverhead(entry.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
        return after.total() - before.total() - excluded;
    }

    private static boolean isOverhead(String threadGroup) {
        return threadGroup.matches("C# CompilerThre.*|JFR .*");
    }

    private static Map<String, Double> used(Snapshot before, Snapshot after) {
        Map<String, Double> used = new HashMap<>();
        after.threads().forEach((name, seconds) -> used.put(name, seconds - before.threads().getOrDefault(name, 0.0)));
        return used;
    }

    /** What N operations cost between two snapshots: the whole, user and system time, and the thread groups that used most. */
    static String report(Snapshot before, Snapshot after, int operations, String what) {
        double total = after.total() - before.total();
        var text = new StringBuilder(String.format("%s: %d, server CPU %.2f s (user %.2f, system %.2f) = %.2f ms each,"
                        + " %.2f ms each without the JIT compiler's and the Flight Recorder's threads%n", what, operations, total,
                after.user() - before.user(), after.system() - before.system(), 1000 * total / operations,
                1000 * operationsSeconds(before, after) / operations));
        Map<String, Double> used = used(before, after);
        used.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(8)
                .forEach(entry -> text.append(String.format("  threads %-24s %5.1f%%  %.2f ms each%n", entry.getKey(),
                        total > 0 ? 100 * entry.getValue() / total : 0, 1000 * entry.getValue() / operations)));
        return text.toString();
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "snapshot" -> Files.writeString(Path.of(args[3]),
                    new ProcessCpu(Long.parseLong(args[1]), Integer.parseInt(args[2])).snapshot().serialize());
            case "report" -> {
                Snapshot before = Snapshot.parse(Files.readString(Path.of(args[1])));
                Snapshot after = Snapshot.parse(Files.readString(Path.of(args[2])));
                int operations = Integer.parseInt(args[3]);
                System.out.print(report(before, after, operations, args[4]));
                System.out.printf("cpu_ms_per_%s: %.2f%n", args[5], 1000 * operationsSeconds(before, after) / operations);
            }
            default -> throw new IllegalArgumentException("snapshot or report, not " + args[0]);
        }
    }
}
