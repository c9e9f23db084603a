import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The release half of bench/ipp-cpu.sh: the server's CPU time per release flow (PIN login, list,
 * release, whole document, outcome, logout: six requests) and per empty authenticated device
 * request, from the server process's utime + stime in /proc/PID/stat before and after N releases
 * made one after another. CPU seconds per operation hardly depend on what else the machine runs,
 * unlike wall time. With --jcmd and --jfr, a Flight Recorder recording covers exactly the measured
 * releases.
 */
public final class ReleaseCpu {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int count = Integer.parseInt(options.getOrDefault("count", "100"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        var cpu = new ProcessCpu(Long.parseLong(options.get("pid")), Integer.parseInt(options.getOrDefault("clk-tck", "100")));
        var api = new Api(URI.create(options.get("url")));
        var bench = new ReleaseLatency(api, Path.of(options.get("data")).resolve("mail-outbox"),
                Files.readAllBytes(Path.of(options.get("pdf"))));
        var setup = bench.prepare(options.get("admin-email"), options.get("admin-password"), count + warmup);
        List<ReleaseLatency.Person> people = setup.people();
        List<ReleaseLatency.Printer> printers = setup.printers();

        ReleaseLatency.say("warm-up: " + warmup + " releases and " + warmup + " empty four-request flows");
        for (int i = count; i < count + warmup; i++) {
            bench.release(printers.get(i), people.get(i));
            ReleaseLatency.emptyRoundTrips(api.device(printers.get(i).credential()), printers.get(i));
        }

        ReleaseLatency.say("measured: " + count + " releases, one after another");
        jfr(options, "JFR.start", "name=opencps-release", "settings=profile", options.getOrDefault("sampling", "jdk.ExecutionSample#period=1ms"));
        long begin = System.nanoTime();
        ProcessCpu.Snapshot before = cpu.snapshot();
        for (int i = 0; i < count; i++) {
            bench.release(printers.get(i), people.get(i));
        }
        ProcessCpu.Snapshot releases = cpu.snapshot();
        long wall = System.nanoTime() - begin;
        jfr(options, "JFR.stop", "name=opencps-release", "filename=" + options.getOrDefault("jfr", ""));

        ReleaseLatency.say("measured: " + count + " empty four-request flows, one after another");
        ProcessCpu.Snapshot beforeEmpty = cpu.snapshot();
        for (int i = 0; i < count; i++) {
            ReleaseLatency.emptyRoundTrips(api.device(printers.get(i).credential()), printers.get(i));
        }
        ProcessCpu.Snapshot empty = cpu.snapshot();

        System.out.printf("releases took %.1f s wall (for information)%n", wall / 1e9);
        System.out.print(ProcessCpu.report(before, releases, count, "release flows"));
        System.out.print(ProcessCpu.report(beforeEmpty, empty, 4 * count, "empty authenticated device requests"));
        System.out.printf("cpu_ms_per_empty_request: %.2f%n", 1000 * ProcessCpu.operationsSeconds(beforeEmpty, empty) / (4 * count));
        System.out.printf("cpu_ms_per_release: %.2f%n", 1000 * ProcessCpu.operationsSeconds(before, releases) / count);
    }

    /** Runs jcmd PID COMMAND ARGS (each split at spaces) when --jcmd and --jfr are given; fails the bench when jcmd fails. */
    private static void jfr(Map<String, String> options, String command, String... arguments) throws IOException, InterruptedException {
        if (!options.containsKey("jcmd") || !options.containsKey("jfr")) {
            return;
        }
        var line = new java.util.ArrayList<>(List.of(options.get("jcmd"), options.get("pid"), command));
        for (String argument : arguments) {
            line.addAll(List.of(argument.split(" ")));
        }
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
    }
}
