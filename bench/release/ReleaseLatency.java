import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The release-latency bench's client (bench/release-latency.sh starts the server and runs this).
 * Prepares, through the public API only, one customer with N people (each with a held one-page job)
 * and N registered printers; then N simulated printers at once each log their person in by PIN,
 * list the held jobs, release the one job and read the first byte of its document. Prints the
 * percentiles of that span; the floor (the same printers making four empty authenticated round
 * trips each, together); the arrival-rate sweep (ArrivalSweep) with "rate_ratio: X"; and, last,
 * "p99_over_floor: X" (after a burst; "p99_ms: X" when the printers start spread out).
 */
public final class ReleaseLatency {

    private static final Pattern INVITATION = Pattern.compile("inv_[A-Za-z0-9_-]+");

    private final Api api;
    private final Path outbox;
    private final byte[] pdf;

    ReleaseLatency(Api api, Path outbox, byte[] pdf) {
        this.api = api;
        this.outbox = outbox;
        this.pdf = pdf;
    }

    record Person(String email, String pin, String jobId, Api.Session session) {
    }

    record Printer(String deviceId, String credential) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int devices = Integer.parseInt(options.getOrDefault("devices", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        long spread = Long.parseLong(options.getOrDefault("spread-ms", "0"));
        var api = new Api(URI.create(options.get("url")));
        var bench = new ReleaseLatency(api, Path.of(options.get("data")).resolve("mail-outbox"),
                Files.readAllBytes(Path.of(options.get("pdf"))));
        var setup = bench.prepare(options.get("admin-email"), options.get("admin-password"), devices + warmup);
        List<Person> people = setup.people();
        List<Printer> printers = setup.printers();

        say("warm-up: " + warmup + " releases, one after another");
        List<Long> alone = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            alone.add(bench.release(printers.get(devices + i), people.get(devices + i)).total());
        }
        if (warmup > 0) {
            System.out.printf("one at a time (warm-up, second half): median %.1f ms%n",
                    percentile(alone.subList(warmup / 2, warmup).stream().sorted().toList(), 50));
        }
        say(devices + " printers release " + (spread > 0 ? "within " + spread + " ms" : "at the same moment"));
        List<Steps> steps = bench.releaseAtOnce(printers.subList(0, devices), people.subList(0, devices), spread);
        System.out.printf("releases: %d (%s; at most %d under way at once; PIN login, list, release, first document byte)%n",
                steps.size(), spread > 0 ? "each starting at a random moment within " + spread + " ms" : "all starting together",
                bench.mostInFlight.get());
        System.out.printf("median step ms: login %.1f, list %.1f, release %.1f, first byte %.1f%n",
                median(steps, Steps::login), median(steps, Steps::list), median(steps, Steps::release), median(steps, Steps::document));
        Double floorP99 = null;
        if (spread == 0) {
            List<Long> floor = bench.emptyRoundTripsAtOnce(printers.subList(0, devices)).stream().sorted().toList();
            floorP99 = percentile(floor, 99);
            System.out.printf("floor, the same %d printers together making 4 empty authenticated round trips each: p50 %.1f, p99 %.1f ms%n",
                    devices, percentile(floor, 50), floorP99);
        }
        double sweepSeconds = Double.parseDouble(options.getOrDefault("sweep-seconds", "5"));
        if (sweepSeconds > 0) {
            bench.sweep(sweepSeconds, printers, people);
        }
        if (options.containsKey("floor-target")) {
            // the route and credential of one printer, for the script's load generator (nothing is waiting there now)
            Printer first = printers.getFirst();
            Files.writeString(Path.of(options.get("floor-target")),
                    options.get("url") + "/api/device/v1/devices/" + first.deviceId() + "/releases\n" + first.credential() + "\n");
        }
        List<Long> nanos = new ArrayList<>(steps.stream().map(Steps::total).sorted().toList());
        System.out.printf("p50_ms: %.1f%n", percentile(nanos, 50));
        System.out.printf("p90_ms: %.1f%n", percentile(nanos, 90));
        System.out.printf("max_ms: %.1f%n", nanos.getLast() / 1e6);
        System.out.printf("p99_ms: %.1f%n", percentile(nanos, 99));
        if (floorP99 != null) {
            System.out.printf("p99_over_floor: %.2f%n", percentile(nanos, 99) / floorP99);
        }
    }

    /**
     * The arrival-rate sweep: releases (PIN login to first document byte) and the empty four-request
     * flow, each arriving at random at rising rates; the highest rate at which p99 stays under 50 ms.
     */
    private void sweep(double seconds, List<Printer> printers, List<Person> people) throws Exception {
        var sweep = new ArrivalSweep(50, seconds);
        say("arrival-rate sweep, " + seconds + " s per rate: the empty four-request flow");
        var empty = sweep.sweep("empty flow", 2, 5000, arrivals -> { }, arrival -> {
            Printer printer = printers.get(arrival % printers.size());
            emptyRoundTrips(api.device(printer.credential()), printer);
        });
        say("arrival-rate sweep: releases");
        var free = new java.util.concurrent.ConcurrentLinkedQueue<>(printers);
        var ready = new java.util.concurrent.ConcurrentLinkedQueue<Person>();
        var nextPerson = new java.util.concurrent.atomic.AtomicInteger();
        var releases = sweep.sweep("releases", 1, 5000, arrivals -> {
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Integer> slots = java.util.stream.IntStream.range(0, arrivals).boxed().toList();
                ready.addAll(forEach(pool, slots, slot -> {
                    Person person = people.get(nextPerson.getAndIncrement() % people.size());
                    String job = (String) Json.object(person.session().upload("/api/v1/jobs?name=sweep", "application/pdf", pdf)).get("id");
                    return new Person(person.email(), person.pin(), job, person.session());
                }));
            }
        }, arrival -> {
            Printer printer = free.poll();
            if (printer == null) {
                throw new IllegalStateException("every printer is busy releasing");
            }
            try {
                release(printer, ready.remove());
            } finally {
                free.add(printer);
            }
        });
        for (var step : empty) {
            System.out.printf("sweep, empty flow: %.1f/s, p99 %.1f ms%s%n", step.rate(), step.p99Millis(), sweep.passed(step) ? "" : " (over)");
        }
        for (var step : releases) {
            System.out.printf("sweep, releases: %.1f/s, p99 %.1f ms%s%n", step.rate(), step.p99Millis(), sweep.passed(step) ? "" : " (over)");
        }
        double emptyRate = sweep.highestPassing(empty);
        double releaseRate = sweep.highestPassing(releases);
        System.out.printf("highest rate with p99 under 50 ms: releases %.1f/s, empty four-request flow %.1f/s%n", releaseRate, emptyRate);
        if (emptyRate > 0) {
            System.out.printf("rate_ratio: %.2f%n", releaseRate / emptyRate);
        } else {
            System.out.println("rate_ratio: none (even the empty flow's lowest rate had p99 over 50 ms on this machine now)");
        }
    }

    private static double median(List<Steps> steps, java.util.function.ToLongFunction<Steps> step) {
        return percentile(steps.stream().map(s -> step.applyAsLong(s)).sorted().toList(), 50);
    }

    record Setup(List<Person> people, List<Printer> printers) {
    }

    Setup prepare(String adminEmail, String adminPassword, int count) throws Exception {
        String password = "Bench-" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "!";
        Api.Session root = api.login(adminEmail, adminPassword);
        String rootOrg = (String) Json.object(root.lastBody()).get("organizationId");
        String license = "{\"deviceLimit\":" + (count + 10) + ",\"plan\":\"bench\",\"termStart\":\"2020-01-01\",\"termEnd\":\"2099-12-31\"}";
        String org = (String) Json.object(root.post("/api/v1/organizations/" + rootOrg + "/children",
                "{\"kind\":\"CUSTOMER\",\"name\":\"Release bench\",\"license\":" + license + "}")).get("id");

        say("inviting the customer admin and " + count + " people");
        String adminOfCustomer = "release-admin@bench.example.org";
        root.post("/api/v1/organizations/" + org + "/invitations", invitation(adminOfCustomer, "CUSTOMER_ADMIN"));
        Api.Session admin = join(adminOfCustomer, password, org);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emails.add("person" + i + "@bench.example.org");
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            forEach(pool, emails, email -> admin.post("/api/v1/organizations/" + org + "/invitations", invitation(email, "CUSTOMER_USER")));
            say("each person joins, reads their PIN and submits a one-page PDF");
            List<Person> people = forEach(pool, emails, email -> {
                Api.Session person = join(email, password, org);
                String pin = (String) Json.object(person.get("/api/v1/me/pin")).get("pin");
                String job = (String) Json.object(person.upload("/api/v1/jobs?name=bench", "application/pdf", pdf)).get("id");
                return new Person(email, pin, job, person);
            });
            say("registering " + count + " printers with activation codes");
            List<Printer> printers = forEach(pool, emails, email -> {
                String code = (String) Json.object(admin.post("/api/v1/organizations/" + org + "/devices/activation-codes", "{}")).get("code");
                int n = emails.indexOf(email);
                var registered = Json.object(api.anonymous().post("/api/device/v1/registrations",
                        "{\"activationCode\":" + Json.quote(code) + ",\"kind\":\"PRINTER\",\"name\":\"Bench printer " + n
                                + "\",\"model\":\"Bench MFP\",\"serialNumber\":\"BENCH" + n + "\",\"hostName\":\"mfp" + n
                                + ".bench.example.org\",\"ipAddress\":\"127.0.0.1\"}"));
                return new Printer((String) registered.get("deviceId"), (String) registered.get("credential"));
            });
            return new Setup(people, printers);
        }
    }

    /** Every printer releases its person's job, all together or each at its own random moment within {@code spreadMillis}. */
    private List<Steps> releaseAtOnce(List<Printer> printers, List<Person> people, long spreadMillis) throws Exception {
        return atOnce(printers.size(), spreadMillis, i -> release(printers.get(i), people.get(i)));
    }

    /**
     * The floor under any release: every printer, all together, makes four round trips that do nothing
     * but pass the same server stack and device authentication (it lists what is released to it:
     * nothing). Nanoseconds from the first request to the fourth answer, per printer.
     */
    private List<Long> emptyRoundTripsAtOnce(List<Printer> printers) throws Exception {
        return atOnce(printers.size(), 0, i -> {
            Printer printer = printers.get(i);
            Api.Device device = api.device(printer.credential());
            long begin = System.nanoTime();
            emptyRoundTrips(device, printer);
            return System.nanoTime() - begin;
        });
    }

    static void emptyRoundTrips(Api.Device device, Printer printer) {
        for (int trip = 0; trip < 4; trip++) {
            List<Object> waiting = Json.array(device.get("/api/device/v1/devices/" + printer.deviceId() + "/releases"));
            if (!waiting.isEmpty()) {
                throw new IllegalStateException("a printer still has releases waiting: " + waiting);
            }
        }
    }

    /** Runs {@code work} for 0..count-1, each on its own thread, all released at one instant (plus its random delay). */
    private <R> List<R> atOnce(int count, long spreadMillis, Step<Integer, R> work) throws Exception {
        var start = new CountDownLatch(1);
        var ready = new CountDownLatch(count);
        var random = new java.util.Random(42);
        List<R> results = Collections.synchronizedList(new ArrayList<>());
        var inFlight = new java.util.concurrent.atomic.AtomicInteger();
        mostInFlight.set(0);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                long delay = spreadMillis > 0 ? random.nextLong(spreadMillis) : 0;
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    Thread.sleep(delay);
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        results.add(work.apply(index));
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    return null;
                }));
            }
            ready.await();
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        }
        return results;
    }

    /** Nanoseconds of each step of one release at one printer, and from PIN login to the first document byte. */
    record Steps(long login, long list, long release, long document) {

        long total() {
            return login + list + release + document;
        }
    }

    /** One person's release at one printer, step by step. */
    Steps release(Printer printer, Person person) throws IOException {
        Api.Device device = api.device(printer.credential());
        String base = "/api/device/v1/devices/" + printer.deviceId();
        long begin = System.nanoTime();
        String session = (String) Json.object(device.post(base + "/sessions", "{\"method\":\"PIN\",\"pin\":\"" + person.pin() + "\"}")).get("session");
        long loggedIn = System.nanoTime();
        device = device.withSession(session);
        List<Object> held = Json.array(device.get(base + "/sessions/current/jobs"));
        long listed = System.nanoTime();
        if (held.stream().noneMatch(job -> person.jobId().equals(((Map<?, ?>) job).get("jobId")))) {
            throw new IllegalStateException(person.email() + " does not see their held job at the printer: " + held);
        }
        var answer = Json.object(device.post(base + "/sessions/current/releases", "{\"jobIds\":[\"" + person.jobId() + "\"]}"));
        long released = System.nanoTime();
        if (!((List<?>) answer.get("refused")).isEmpty()) {
            throw new IllegalStateException("the release was refused: " + answer);
        }
        long firstByte;
        long size;
        try (InputStream document = device.stream(base + "/releases/" + person.jobId() + "/document")) {
            if (document.read() < 0) {
                throw new IllegalStateException("the released document is empty");
            }
            firstByte = System.nanoTime();
            size = 1 + document.transferTo(OutputStream.nullOutputStream());
        }
        device.post(base + "/releases/" + person.jobId() + "/outcome",
                "{\"success\":true,\"pagesPrinted\":1,\"colorPages\":0,\"monochromePages\":1,\"sheetsDuplex\":false}");
        device.delete(base + "/sessions/current");
        if (size != pdf.length) {
            throw new IllegalStateException("the document came back with " + size + " bytes, not " + pdf.length);
        }
        return new Steps(loggedIn - begin, listed - loggedIn, released - listed, firstByte - released);
    }

    private Api.Session join(String email, String password, String org) {
        String token = awaitInvitation(email);
        api.anonymous().post("/api/v1/invitations/" + token + "/accept",
                "{\"displayName\":" + Json.quote(email) + ",\"password\":" + Json.quote(password) + "}");
        Api.Session session = api.login(email, password);
        session.post("/api/v1/auth/organization", "{\"organizationId\":\"" + org + "\"}");
        return session;
    }

    private final Map<String, String> invitations = new ConcurrentHashMap<>();
    /** The most releases under way at one moment in the measured run. */
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();

    private String awaitInvitation(String email) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String token = invitations.get(email);
            if (token != null) {
                return token;
            }
            readOutbox();
            if (invitations.containsKey(email)) {
                continue;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("no invitation e-mail for " + email + " in " + outbox);
    }

    private synchronized void readOutbox() {
        try (Stream<Path> mails = Files.list(outbox)) {
            for (Path mail : mails.toList()) {
                String text = Files.readString(mail, StandardCharsets.UTF_8);
                Matcher to = Pattern.compile("(?m)^To: *<?([^>\\s]+)").matcher(text);
                Matcher token = INVITATION.matcher(text);
                if (to.find() && token.find()) {
                    invitations.putIfAbsent(to.group(1).toLowerCase(), token.group());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String invitation(String email, String role) {
        return "{\"email\":" + Json.quote(email) + ",\"roles\":[\"" + role + "\"]}";
    }

    interface Step<T, R> {
        R apply(T item) throws Exception;
    }

    private static <T, R> List<R> forEach(ExecutorService pool, List<T> items, Step<T, R> step) throws Exception {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> step.apply(item)));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    static double percentile(List<Long> sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("url", "data", "admin-email", "admin-password", "pdf")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is missing");
            }
        }
        return options;
    }

    static void say(String message) {
        System.err.println("[bench] " + message);
    }
}
