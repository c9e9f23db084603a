import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of a Flight Recorder recording went: bench/ipp-cpu.sh's profile summary.
 * {@code java JfrWhere RECORDING TITLE}. Reads the jdk.CPUTimeSample events (JDK 25: a sample per
 * period of CPU time a thread used, virtual threads and native code included), or else the
 * jdk.ExecutionSample ones (Java threads running Java code, by wall time, so fewer on a loaded
 * machine). The garbage collector and the JIT compiler are never sampled: ProcessCpu's thread
 * groups show them. It prints
 * <ul>
 *   <li>each sample charged to one library: the leaf-most frame that belongs to a known one (a
 *   HashMap lookup inside Spring Security counts as Spring Security; JDK frames only: "JDK");</li>
 *   <li>the leaf-most OpenCPS method of each sample (where our code hands the work on), and the
 *   threads of the samples without any OpenCPS frame;</li>
 *   <li>OpenCPS methods inclusive: on the stack of what share of the samples;</li>
 *   <li>the H2 samples by the OpenCPS method whose statement they ran.</li>
 * </ul>
 */
public final class JfrWhere {

    private static final List<Map.Entry<String, List<String>>> LIBRARIES = List.of(
            Map.entry("H2 database", List.of("org.h2.")),
            Map.entry("JDBC, pool, transactions", List.of("com.zaxxer.hikari.", "org.springframework.jdbc.",
                    "org.springframework.transaction.", "org.springframework.dao.")),
            Map.entry("PDFBox", List.of("org.apache.pdfbox.", "org.apache.fontbox.")),
            Map.entry("Tink and JCA crypto", List.of("com.google.crypto.tink.", "javax.crypto.", "com.sun.crypto.", "sun.security.")),
            Map.entry("password hashing", List.of("org.springframework.security.crypto.", "org.bouncycastle.")),
            Map.entry("Spring Security filters", List.of("org.springframework.security.")),
            Map.entry("Jackson", List.of("com.fasterxml.jackson.", "tools.jackson.")),
            Map.entry("Modulith events", List.of("org.springframework.modulith.")),
            Map.entry("observation, metrics", List.of("io.micrometer.")),
            Map.entry("logging", List.of("ch.qos.logback.", "org.slf4j.")),
            Map.entry("Spring MVC dispatch", List.of("org.springframework.web.", "org.springframework.http.")),
            Map.entry("Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
            Map.entry("Spring other (AOP, beans, core)", List.of("org.springframework.")),
            Map.entry("IPP encoding (jipp)", List.of("com.hp.jipp.")),
            Map.entry("OpenCPS code itself", List.of("org.opencps.")));

    public static void main(String[] args) throws IOException {
        Map<String, Integer> charged = new HashMap<>();
        Map<String, Integer> handoff = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> database = new HashMap<>();
        int total = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        String kind = events.stream().anyMatch(event -> event.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(kind) || event.getStackTrace() == null) {
                continue;
            }
            total++;
            String library = null;
            String ours = null;
            Set<String> onStack = new HashSet<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (library == null) {
                    library = libraryOf(type);
                }
                if (type.startsWith("org.opencps.")) {
                    String method = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
                    ours = ours == null ? method : ours;
                    onStack.add(method);
                }
            }
            charged.merge(library == null ? "JDK" : library, 1, Integer::sum);
            var sampled = event.getThread(kind.equals("jdk.CPUTimeSample") ? "eventThread" : "sampledThread");
            String thread = sampled == null ? "?" : sampled.getJavaName() != null ? sampled.getJavaName() : sampled.getOSName();
            handoff.merge(ours != null ? ours : "(no OpenCPS frame) thread " + String.valueOf(thread).replaceAll("[0-9]+", "#"), 1, Integer::sum);
            onStack.forEach(method -> inclusive.merge(method, 1, Integer::sum));
            if ("H2 database".equals(library)) {
                database.merge(ours != null ? ours : "(no OpenCPS frame)", 1, Integer::sum);
            }
        }
        System.out.printf("## %s: %d samples (%s)%n", args.length > 1 ? args[1] : args[0], total, kind);
        print("charged to the leaf-most library frame:", charged, total, 20);
        print("leaf-most OpenCPS method, or the thread of samples without one (top 15):", handoff, total, 15);
        print("OpenCPS methods on the stack, inclusive (top 25):", inclusive, total, 25);
        print("H2 samples by the OpenCPS method that ran the statement (top 12, share of all samples):", database, total, 12);
    }

    private static String libraryOf(String type) {
        for (var library : LIBRARIES) {
            if (library.getValue().stream().anyMatch(type::startsWith)) {
                return library.getKey();
            }
        }
        return null;
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, total), entry.getKey()));
    }
}
