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
 * java ProcessCpu report BEFORE_FILE AFTER_FILE OPERATIONS NAME</pre>
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

    /** What N operations cost between two snapshots: the whole, user and system time, and the thread groups that used most. */
    static String report(Snapshot before, Snapshot after, int operations, String what) {
        double total = after.total() - before.total();
        var text = new StringBuilder(String.format("%s: %d, server CPU %.2f s (user %.2f, system %.2f) = %.2f ms each%n", what,
                operations, total, after.user() - before.user(), after.system() - before.system(), 1000 * total / operations));
        Map<String, Double> used = new HashMap<>();
        after.threads().forEach((name, seconds) -> used.put(name, seconds - before.threads().getOrDefault(name, 0.0)));
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
            case "report" -> System.out.print(report(Snapshot.parse(Files.readString(Path.of(args[1]))),
                    Snapshot.parse(Files.readString(Path.of(args[2]))), Integer.parseInt(args[3]), args[4]));
            default -> throw new IllegalArgumentException("snapshot or report, not " + args[0]);
        }
    }
}
