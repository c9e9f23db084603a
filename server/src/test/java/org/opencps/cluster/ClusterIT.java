package org.opencps.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.Operation;
import com.hp.jipp.model.Types;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencps.cluster.ClusterClient.Answer;
import org.opencps.cluster.ClusterCustomer.Printer;
import org.opencps.testing.peers.Poll;

/**
 * Three server processes from the built jar on one PostgreSQL and one S3 API (s3proxy), behind a
 * real HAProxy on loopback that spreads the requests round robin: what a client gets does not
 * depend on which process answers. Every request goes through the proxy; a check that needs two
 * particular processes names them ({@code X-Route-To}). Run by {@code ./mvnw -B -pl server verify -Pcluster}
 * (one check alone: {@code -Dit.test=ClusterIT#method}).
 *
 * <p>The checks run in order: the lockout locks the bootstrap administrator and the burst of
 * sign-ins uses up the address's sign-in budget, so they come late; the process killed under load last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String ADMIN = "admin@cluster.example.org";
    static final String PASSWORD = "Cluster-admin-pass-1";
    static final int LOGINS_PER_MINUTE = 16;
    static final List<String> PROCESSES = List.of("a", "b", "c");
    /** Well below the IPP credential cache's 60 s life: a revocation seen only when entries expire fails. */
    static final Duration REVOCATION_BOUND = Duration.ofSeconds(30);

    /** Every periodic job's period in this test (minutes to hours by default), so that a few pass in the test. */
    static final Duration JOB_PERIOD = Duration.ofSeconds(6);
    static final List<String> JOB_PERIOD_SETTINGS = List.of("opencps.siem.send-interval", "opencps.audit.seal-interval",
            "opencps.audit.prune-interval", "opencps.documents.key-rotation-check-interval", "opencps.documents.orphan-sweep-interval",
            "opencps.documents.orphan-sweep-initial-delay", "opencps.sso.domain-check-interval", "opencps.ipp.housekeeping-interval",
            "opencps.ipp.housekeeping-initial-delay", "opencps.events.retry-interval", "opencps.cluster.cleanup-interval",
            "opencps.printing.expiry-check-interval", "opencps.printing.release-check-interval",
            "opencps.scanning.cloud.abandoned-upload-sweep-interval", "opencps.scanning.retention-check-interval",
            "opencps.offboarding.check-interval");
    /** Periods each job must run in while the check watches. */
    static final int WATCHED_PERIODS = 4;

    static Cluster cluster;
    static ClusterClient client;
    private static String providerCookie;
    private static ClusterCustomer customer;

    @BeforeAll
    static void startTheCluster() throws Exception {
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of(
                "opencps.security.login-attempts-per-source-per-minute", String.valueOf(LOGINS_PER_MINUTE),
                // without the signal between processes, a waiting proxy would hear of a release only after ten minutes
                "opencps.ipp.infra.notify-wait", "10m"));
        JOB_PERIOD_SETTINGS.forEach(setting -> settings.put(setting, JOB_PERIOD.toSeconds() + "s"));
        cluster = Cluster.start(PROCESSES, settings, ADMIN, PASSWORD);
        client = cluster.client;
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    static synchronized ClusterCustomer customer() {
        if (customer == null) {
            customer = ClusterCustomer.create(client, providerCookie(), "Cluster Customer", cluster.outboxes());
        }
        return customer;
    }

    static synchronized String providerCookie() {
        if (providerCookie == null) {
            providerCookie = client.login(ADMIN, PASSWORD);
        }
        return providerCookie;
    }

    @Test
    @Order(1)
    void aSessionWorksOnEveryProcess() {
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Answer me = client.call("/api/v1/me").session(providerCookie()).get().expect(200);
            assertThat(me.body()).contains(ADMIN);
            servedBy.add(me.servedBy());
        }
        assertThat(servedBy).containsExactlyInAnyOrderElementsOf(PROCESSES);
    }

    @Test
    @Order(2)
    void aDeviceSessionWorksOnEveryProcess() {
        ClusterCustomer people = customer();
        Printer printer = people.registerPrinter(client, "Session printer");
        byte[] pdf = ClusterIpp.onePagePdf();
        String job = people.submit(client, "moving", pdf);

        String session = DeviceFlow.login(client, "a", printer, people.pin).expect(201).json().path("session").asString();
        assertThat(DeviceFlow.heldJobs(client, "b", printer, session).expect(200).body()).contains(job);
        Answer released = DeviceFlow.release(client, "c", printer, session, job).expect(200);
        assertThat(released.json().path("refused").isEmpty()).as(released.body()).isTrue();
        assertThat(DeviceFlow.document(client, "a", printer, job).expect(200).bytes()).isEqualTo(pdf);
        DeviceFlow.outcome(client, "b", printer, job).expect(204);
        DeviceFlow.logout(client, "c", printer, session).expect(204);

        for (String process : PROCESSES) {
            assertThat(DeviceFlow.heldJobs(client, process, printer, session).status())
                    .as("the ended session refused on %s", process).isEqualTo(401);
        }
    }

    @Test
    @Order(3)
    void aRevokedTokenStopsWorkingOnEveryProcessThatHadItCached() {
        ClusterCustomer people = customer();
        var created = client.call("/api/v1/me/tokens").session(people.cookie).post("{\"name\":\"laptop\",\"lifetimeDays\":30}")
                .expect(201).json();
        String basic = ClusterIpp.basic(people.email, created.path("secret").asString());
        String queue = "/ipp/print/" + client.call("/api/v1/me/print-queue").session(people.cookie).get().expect(200).json()
                .path("queueId").asString();
        for (String process : PROCESSES) {
            assertThat(printerAttributes(process, queue, basic).status()).as("the token on %s", process).isEqualTo(200);
        }

        client.call("/api/v1/me/tokens/" + created.path("token").path("id").asString()).session(people.cookie).delete().expect(204);

        awaitRefusedEverywhere("the revoked token", process -> printerAttributes(process, queue, basic).status());
    }

    @Test
    @Order(4)
    void anUnregisteredPrinterIsRefusedOnEveryProcess() {
        ClusterCustomer people = customer();
        Printer printer = people.registerPrinter(client, "Unregistered printer");
        String infra = "/ipp/infra/" + printer.deviceId();
        String basic = ClusterIpp.basic("proxy", printer.credential());
        for (String process : PROCESSES) {
            assertThat(DeviceFlow.releases(client, process, printer).status()).as("device API on %s", process).isEqualTo(200);
            assertThat(infra(process, infra, basic, ClusterIpp.request(Operation.getPrinterAttributes, infra)).status())
                    .as("INFRA on %s", process).isEqualTo(200);
        }

        client.call("/api/v1/organizations/" + people.orgId + "/devices/" + printer.deviceId() + "/unregister")
                .session(people.cookie).post("{}").ok();

        awaitRefusedEverywhere("the revoked device credential on the device API",
                process -> DeviceFlow.releases(client, process, printer).status());
        awaitRefusedEverywhere("the revoked device credential on INFRA",
                process -> infra(process, infra, basic, ClusterIpp.request(Operation.getPrinterAttributes, infra)).status());
    }

    @Test
    @Order(5)
    void aReleaseOnOneProcessWakesAProxyWaitingOnAnother() throws Exception {
        ClusterCustomer people = customer();
        Printer printer = people.registerPrinter(client, "Infra printer");
        String infra = "/ipp/infra/" + printer.deviceId();
        String basic = ClusterIpp.basic("proxy", printer.credential());
        var subscribed = ClusterIpp.parse(infra("b", infra, basic, ClusterIpp.subscribe(infra)).expect(200).bytes());
        int subscription = subscribed.get(Tag.subscriptionAttributes).getValue(Types.notifySubscriptionId);
        String job = people.submit(client, "woken", ClusterIpp.onePagePdf());

        CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(
                () -> infra("b", infra, basic, ClusterIpp.waitForEvents(infra, subscription)));
        Poll.until(Duration.ofMinutes(1), "the proxy's Get-Notifications to wait on b",
                () -> Optional.of(waitingRequests("b")).filter(count -> count > 0), () -> "no request waiting on b: "
                        + cluster.metricsOf("b").lines().filter(line -> line.contains("active")).toList());
        String session = DeviceFlow.login(client, "a", printer, people.pin).expect(201).json().path("session").asString();
        assertThat(DeviceFlow.release(client, "a", printer, session, job).expect(200).servedBy()).isEqualTo("a");

        // the wait is ten minutes: an answer within two means b was woken by a's release
        Answer woken = waiting.get(2, TimeUnit.MINUTES).expect(200);
        assertThat(woken.servedBy()).isEqualTo("b");
        assertThat(ClusterIpp.events(ClusterIpp.parse(woken.bytes()))).singleElement()
                .satisfies(event -> assertThat(event.getValue(Types.notifySubscribedEvent)).isEqualTo("job-fetchable"));
    }

    @Test
    @Order(6)
    void eachPeriodicJobRunsOncePerPeriodAcrossTheProcesses() {
        ClusterJobRuns jobRuns = new ClusterJobRuns(cluster);
        Set<String> before = new HashSet<>();
        jobRuns.finished().forEach(run -> before.add(run.job() + "@" + run.periodStart()));

        // Every process looks at every job twice a period. The processes' own counts of the runs they made, added up, must
        // equal the records (all three have run since the database was made): were each to run a job on its own, they would
        // count up to three times the records.
        var watched = Poll.until(Duration.ofMinutes(5), WATCHED_PERIODS + " periods of every job, each run counted once", () -> {
            List<ClusterJobRuns.Run> all = jobRuns.finished();
            Map<String, Double> counted = jobRuns.counted(PROCESSES);
            Map<String, Long> recorded = ClusterJobRuns.perJob(all);
            List<ClusterJobRuns.Run> runs = all.stream().filter(run -> !before.contains(run.job() + "@" + run.periodStart())).toList();
            Map<String, Long> recordedSince = ClusterJobRuns.perJob(runs);
            boolean enough = ClusterJobRuns.JOBS.stream().allMatch(job -> recordedSince.getOrDefault(job, 0L) >= WATCHED_PERIODS);
            boolean countedOnce = ClusterJobRuns.JOBS.stream()
                    .allMatch(job -> counted.getOrDefault(job, 0.0) == recorded.getOrDefault(job, 0L).doubleValue());
            return enough && countedOnce ? Optional.of(runs) : Optional.empty();
        }, () -> "recorded " + ClusterJobRuns.perJob(jobRuns.finished()) + ", counted " + jobRuns.counted(PROCESSES));

        for (String job : ClusterJobRuns.JOBS) {
            assertThat(ClusterJobRuns.gaps(watched, job)).as("periods of %s with no run", job).isEmpty();
        }
        assertThat(watched).as("outcomes").allSatisfy(run -> assertThat(run.outcome()).isEqualTo("DONE"));
        assertThat(watched).as("period lengths").allSatisfy(run -> assertThat(run.periodMillis()).isEqualTo(JOB_PERIOD.toMillis()));
        System.out.println("Periodic job runs watched, by process: " + watched.stream().collect(
                java.util.stream.Collectors.groupingBy(ClusterJobRuns.Run::process, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));
    }

    @Test
    @Order(10)
    void threeFailuresOnThreeProcessesLockTheAccount() {
        Set<String> servedBy = new HashSet<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Answer refused = postLogin(ADMIN, "Wrong-password-" + attempt);
            assertThat(refused.status()).isEqualTo(401);
            servedBy.add(refused.servedBy());
        }
        assertThat(servedBy).as("each failure counted on another process").containsExactlyInAnyOrderElementsOf(PROCESSES);

        for (int i = 0; i < 3; i++) {
            assertThat(postLogin(ADMIN, PASSWORD).status()).as("locked on every process").isEqualTo(401);
        }
    }

    @Test
    @Order(11)
    void oneSignInBudgetForTheAddressWhicheverProcessAnswers() {
        // 16 a minute from one address: three processes with budgets of their own would allow 48
        int refusedAt = -1;
        for (int attempt = 1; attempt <= 2 * LOGINS_PER_MINUTE && refusedAt < 0; attempt++) {
            if (postLogin("nobody-" + attempt + "@cluster.example.org", "Whatever-password-1").status() == 429) {
                refusedAt = attempt;
            }
        }
        assertThat(refusedAt).as("a sign-in refused with 429 within the burst").isPositive().isLessThanOrEqualTo(LOGINS_PER_MINUTE + 1);
    }

    @Test
    @Order(20)
    void aProcessKilledUnderLoadLosesNoAcknowledgedJobAndRejoins() throws Exception {
        ClusterCustomer people = customer();
        List<Printer> printers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            printers.add(people.registerPrinter(client, "Load printer " + i));
        }
        byte[] pdf = ClusterIpp.onePagePdf();
        ServerProcess victim = cluster.server("b");
        try (PrintLoad load = new PrintLoad(client, people, printers, pdf, 15)) {
            Poll.until(Duration.ofMinutes(3), "jobs printed before the kill", () -> Optional.of(load.printedCount()).filter(n -> n >= 8),
                    () -> load.printedCount() + " printed");
            victim.kill();
            Poll.until(Duration.ofMinutes(1), "HAProxy's health check to take b out", () -> Optional.of(haproxyStatus("b"))
                    .filter(status -> status.startsWith("DOWN")), () -> haproxyStatus("b"));
            int atKill = load.printedCount();
            Poll.until(Duration.ofMinutes(3), "the load to go on without b", () -> Optional.of(load.printedCount())
                    .filter(n -> n >= atKill + 8), () -> load.printedCount() + " printed");
            cluster.restart("b");
            Poll.until(Duration.ofMinutes(1), "b back in HAProxy's rotation", () -> Optional.of(haproxyStatus("b"))
                    .filter(status -> status.equals("UP")), () -> haproxyStatus("b"));
            assertThat(DeviceFlow.releases(client, "b", printers.getFirst()).expect(200).servedBy()).as("b serves again").isEqualTo("b");
            load.close();

            assertThat(load.printed).as("every acknowledged job printed").isEqualTo(load.acknowledged);
            new ClusterLedger(cluster.database, people.orgId).assertMatches(load.acknowledged, load.unansweredSubmissions.get());
        }
    }

    private static String haproxyStatus(String server) {
        try {
            return cluster.haproxy.status(server);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer postLogin(String email, String password) {
        return client.call("/api/v1/auth/login").post("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static Answer printerAttributes(String process, String queue, String basic) {
        return client.call(queue).to(process).header("Authorization", basic)
                .post("application/ipp", ClusterIpp.bytes(ClusterIpp.request(Operation.getPrinterAttributes, queue), new byte[0]));
    }

    private static Answer infra(String process, String path, String basic, com.hp.jipp.encoding.IppPacket.Builder request) {
        return client.call(path).to(process).header("Authorization", basic).post("application/ipp", ClusterIpp.bytes(request, new byte[0]));
    }

    /**
     * POST requests under way on one process (Boot's active-request timer, read directly): the
     * waiting Get-Notifications is a POST, the scrape a GET. An active request's uri is not known yet.
     */
    private static long waitingRequests(String process) {
        return cluster.metricsOf(process).lines().filter(line -> line.startsWith("http_server_requests_active_seconds_count{")
                        || line.startsWith("http_server_requests_active_seconds_active_count{"))
                .filter(line -> line.contains("method=\"POST\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Waits, at most the stated bound, until every process refuses (401), each one asked through the proxy. */
    private static void awaitRefusedEverywhere(String what, java.util.function.ToIntFunction<String> statusOn) {
        for (String process : PROCESSES) {
            Poll.until(REVOCATION_BOUND, what + " refused on " + process,
                    () -> Optional.of(statusOn.applyAsInt(process)).filter(status -> status == 401), () -> "still accepted");
        }
    }
}
