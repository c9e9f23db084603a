package org.opencps.client.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.device.DeviceApi;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Release;
import org.opencps.client.http.HttpClients;
import org.opencps.client.testing.Child;
import org.opencps.client.testing.ClientJar;
import org.opencps.client.testing.DeviceScene;
import org.opencps.client.testing.FlakyLink;
import org.opencps.client.testing.LanPrinter;
import org.opencps.client.testing.ServerUnderTest;
import org.opencps.client.testing.SharedServer;
import org.opencps.client.testing.Tenant;
import org.opencps.client.testing.TestPdf;
import org.opencps.client.testing.Wait;
import tools.jackson.databind.JsonNode;

/**
 * {@code opencps agent}, the packaged jar, standing in for a real IPP printer (ippeveprinter) with
 * the real server over HTTPS: it adds the printer, reports its status, prints what is released to
 * it, and never prints a job twice, also across kills, restarts and network outages.
 */
@ExtendWith(SharedServer.class)
class AgentEndToEndTest {

    private static ServerUnderTest server;
    private static Tenant tenant;
    private static LanPrinter printer;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp(DeviceScene scene) {
        server = scene.server();
        tenant = scene.tenant();
        printer = scene.printer();
    }

    @Test
    void addsItsPrinterOnceAndReportsWhatThePrinterSaysOverIpp() throws Exception {
        Path state = dir.resolve("agent");

        var first = agent(server.url().toString(), state, "--once", "--activation-code", tenant.activationCode());
        var second = agent(server.url().toString(), state, "--once");

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(second.exitCode()).as(second.all()).isZero();
        String printerId = printerId(state);
        assertThat(first.err()).contains("added printer " + printer.uri() + " as device " + printerId);
        assertThat(second.err()).doesNotContain("added printer");
        JsonNode device = tenant.device(printerId);
        assertThat(device.path("uri").asString()).isEqualTo(printer.uri().toString());
        assertThat(device.path("model").asString()).contains("LAN Test Printer");
        assertThat(device.path("agentId").asString()).isNotBlank();
        assertThat(device.path("status").path("status").asString()).isEqualTo("IDLE");
        assertThat(device.path("status").path("counters").isMissingNode() || device.path("status").path("counters").isNull()
                || device.path("status").path("counters").path("totalPages").isNull()).as("ippeveprinter counts no pages").isTrue();
        assertThat(first.all()).doesNotContain(Files.readString(state.resolve("credential")).strip());
    }

    @Test
    void printsAJobReleasedToItsPrinterOnceEvenWhenKilledAndRestarted() throws Exception {
        Path state = registeredAgent();
        String printerId = printerId(state);
        Path pdf = TestPdf.write(dir.resolve("kill.pdf"), 2);
        String job = tenant.user().submit(pdf, "?name=Killed");
        int before = printer.printed().size();
        releaseTo(printerId, job);

        try (Child running = ClientJar.start("agent", Map.of(), dir.resolve("agent.log"), arguments(server.url().toString(), state,
                "--poll-interval", "1s"))) {
            printer.awaitPrinted(before + 1, Duration.ofSeconds(60));
            running.kill();
        }
        var restarted = agent(server.url().toString(), state, "--once");

        assertThat(restarted.exitCode()).as(restarted.all()).isZero();
        awaitState(job, "COMPLETED");
        assertThat(printer.printed()).hasSize(before + 1);
        assertThat(printer.printed().getLast()).hasSameBinaryContentAs(pdf);
        assertNothingUnfinished(state);
    }

    @Test
    void anOutcomeTheServerAlreadyHasCountsAsReported() throws Exception {
        Path state = registeredAgent();
        String printerId = printerId(state);
        String job = tenant.user().submit(TestPdf.write(dir.resolve("twice.pdf"), 1), "?name=Reported");
        releaseTo(printerId, job);
        assertThat(agent(server.url().toString(), state, "--once").exitCode()).isZero();
        awaitState(job, "COMPLETED");
        Release release = new Release(job, "Reported", "application/pdf", 1, 1, "COLOR", "ONE_SIDED", null, 1, null);
        try (Journal journal = Journal.open(state.resolve("journal.jsonl"))) {
            journal.printed(journal.sent(journal.printing(printerId, release), 99), new Outcome(true, 1, 1, 0, false, null));
        }

        var restarted = agent(server.url().toString(), state, "--once");

        assertThat(restarted.exitCode()).as(restarted.all()).isZero();
        assertThat(restarted.err()).contains("job " + job + ": the server already had its outcome");
        assertNothingUnfinished(state);
    }

    @Test
    void aJobCutOffWhileBeingSentIsReportedFailedAndNeverSentAgain() throws Exception {
        Path state = registeredAgent();
        String printerId = printerId(state);
        String job = tenant.user().submit(TestPdf.write(dir.resolve("cut.pdf"), 1), "?name=Cut%20off");
        releaseTo(printerId, job);
        Release release = asTheAgent(state).releases(printerId).stream().filter(r -> r.jobId().equals(job)).findFirst().orElseThrow();
        try (Journal journal = Journal.open(state.resolve("journal.jsonl"))) {
            journal.printing(printerId, release);
        }
        int before = printer.printed().size();

        var restarted = agent(server.url().toString(), state, "--once");

        assertThat(restarted.exitCode()).as(restarted.all()).isZero();
        assertThat(restarted.err()).contains("job " + job + ": sending it to").contains("not sent again");
        awaitState(job, "HELD");
        assertThat(printer.printed()).hasSize(before);
    }

    @Test
    void keepsWorkingThroughANetworkOutageAndPrintsOnceTheLinkIsBack() throws Exception {
        try (FlakyLink link = FlakyLink.to(server.url().getPort())) {
            String viaLink = "https://127.0.0.1:" + link.port();
            Path state = dir.resolve("outage");
            var registration = agent(viaLink, state, "--once", "--activation-code", tenant.activationCode());
            assertThat(registration.exitCode()).as(registration.all()).isZero();
            String job = tenant.user().submit(TestPdf.write(dir.resolve("outage.pdf"), 1), "?name=Outage");
            int before = printer.printed().size();
            link.cut();
            releaseTo(printerId(state), job);

            Path log = dir.resolve("outage-agent.log");
            try (Child running = ClientJar.start("agent", Map.of(), log, arguments(viaLink, state, "--poll-interval", "1s",
                    "--max-backoff", "2s"))) {
                Wait.until(Duration.ofSeconds(60), "the agent to meet the outage", () -> {
                    running.requireAlive();
                    return Optional.of(true).filter(x -> running.log().contains("cannot connect to 127.0.0.1:" + link.port()));
                }, running::tail);
                assertThat(printer.printed()).hasSize(before);

                link.restore();

                printer.awaitPrinted(before + 1, Duration.ofSeconds(60));
                awaitState(job, "COMPLETED");
                running.requireAlive();
            }
        }
    }

    private static void assertNothingUnfinished(Path state) throws Exception {
        try (Journal journal = Journal.open(state.resolve("journal.jsonl"))) {
            assertThat(journal.unfinished()).isEmpty();
        }
    }

    private Path registeredAgent() throws Exception {
        Path state = dir.resolve("agent");
        var run = agent(server.url().toString(), state, "--once", "--activation-code", tenant.activationCode());
        assertThat(run.exitCode()).as(run.all()).isZero();
        return state;
    }

    private static String printerId(Path state) throws Exception {
        var printers = new Properties();
        try (var in = Files.newBufferedReader(state.resolve("printers.properties"))) {
            printers.load(in);
        }
        assertThat(printers).hasSize(1);
        return printers.getProperty(printer.uri().toString());
    }

    /** The person releases the job to the printer ("release at printer X"), as from the portal. */
    private static void releaseTo(String printerId, String job) throws Exception {
        tenant.user().post("/api/v1/devices/" + printerId + "/releases", "{\"jobIds\":[\"" + job + "\"]}");
    }

    private static DeviceApi asTheAgent(Path state) throws Exception {
        return new DeviceApi(HttpClients.create(server.certificate()), server.url(), Files.readString(state.resolve("credential")).strip());
    }

    private static void awaitState(String job, String state) {
        Wait.until(Duration.ofSeconds(60), "job " + job + " to be " + state, () -> {
            String now = tenant.job(job).path("state").asString();
            return Optional.of(now).filter(state::equals);
        }, () -> "another state");
    }

    private static ClientJar.Run agent(String serverUrl, Path state, String... more) {
        return ClientJar.run(Map.of(), arguments(serverUrl, state, more));
    }

    private static String[] arguments(String serverUrl, Path state, String... more) {
        var all = new ArrayList<>(List.of("agent", "--server", serverUrl, "--ca-cert", server.certificate().toString(),
                "--state-dir", state.toString(), "--printer", printer.uri().toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
