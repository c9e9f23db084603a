package org.opencps.client.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.testing.ClientJar;
import org.opencps.client.testing.DeviceScene;
import org.opencps.client.testing.LanPrinter;
import org.opencps.client.testing.ServerUnderTest;
import org.opencps.client.testing.SharedServer;
import org.opencps.client.testing.Tenant;
import org.opencps.client.testing.TestPdf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code opencps device simulate}, the packaged jar, against the real server over HTTPS and a real
 * IPP printer (ippeveprinter): register with an activation code, heartbeat, PIN login, release,
 * print, report, logout.
 */
@ExtendWith(SharedServer.class)
class SimulatorEndToEndTest {

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
    void registersOnceKeepsTheCredentialToItselfAndReportsItsSecuritySettings() throws Exception {
        Path state = dir.resolve("device");
        String code = tenant.activationCode();

        var first = simulate(state, "--activation-code", code, "--name", "Panel 1", "--heartbeat", "--status", "WARNING",
                "--status-message", "toner low", "--total-pages", "1200", "--security", "tlsOnly=true,storageEncryption=false");
        JsonNode report = json(first);
        String deviceId = report.path("deviceId").asString();

        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(report.path("registeredNow").asBoolean()).isTrue();
        String credential = Files.readString(state.resolve("credential")).strip();
        assertThat(credential).startsWith("ocpsd_");
        assertThat(first.all()).doesNotContain(credential).doesNotContain(code);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("credential")))).isEqualTo("rw-------");
        JsonNode device = tenant.device(deviceId);
        assertThat(device.path("name").asString()).isEqualTo("Panel 1");
        assertThat(device.path("kind").asString()).isEqualTo("PRINTER");
        assertThat(device.path("status").path("status").asString()).isEqualTo("WARNING");
        assertThat(device.path("status").path("counters").path("totalPages").asLong()).isEqualTo(1200);
        assertThat(device.path("status").path("security").path("tlsOnly").asBoolean()).isTrue();

        var again = simulate(state, "--heartbeat");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(json(again).path("registeredNow").asBoolean()).isFalse();
        assertThat(json(again).path("deviceId").asString()).isEqualTo(deviceId);

        var reused = simulate(dir.resolve("other"), "--activation-code", code);
        assertThat(reused.exitCode()).isEqualTo(1);
        assertThat(reused.err()).contains("registration refused");
    }

    @Test
    void aPersonLogsInByPinReleasesTheirJobsAndTheyArePrintedOnTheRealPrinterAndReported() throws Exception {
        Path state = registered();
        Path threePages = TestPdf.write(dir.resolve("three.pdf"), 3);
        Path onePage = TestPdf.write(dir.resolve("one.pdf"), 1);
        String first = tenant.user().submit(threePages, "?name=Three");
        String second = tenant.user().submit(onePage, "?name=One&copies=2");
        int before = printer.printed().size();

        var run = simulate(state, "--pin", tenant.pin(), "--release", first + "," + second, "--print-to", printer.uri().toString());
        JsonNode report = json(run);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(report.path("person").asString()).isNotBlank();
        assertThat(ids(report.path("heldJobs"), "jobId")).contains(first, second);
        assertThat(report.path("printed").size()).isEqualTo(2);
        for (JsonNode printed : report.path("printed")) {
            assertThat(printed.path("outcome").path("success").asBoolean()).as(printed.toString()).isTrue();
            assertThat(printed.path("reported").asBoolean()).isTrue();
        }
        assertThat(pagesOf(report, first)).isEqualTo(3);
        assertThat(pagesOf(report, second)).isEqualTo(2);
        assertThat(report.path("loggedOut").asBoolean()).isTrue();
        List<Path> documents = printer.awaitPrinted(before + 2, Duration.ofSeconds(30));
        assertThat(documents.subList(before, before + 2)).anySatisfy(d -> assertThat(d).hasSameBinaryContentAs(threePages));
        assertThat(tenant.job(first).path("state").asString()).isEqualTo("COMPLETED");
        assertThat(tenant.job(second).path("state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void overridesAtThePanelApplyAndADiscardedDocumentCountsAsPrinted() throws Exception {
        Path state = registered();
        String job = tenant.user().submit(TestPdf.write(dir.resolve("two.pdf"), 2), "?name=Two");

        var run = simulate(state, "--pin", tenant.pin(), "--release", job, "--copies", "3", "--monochrome", "--duplex");
        JsonNode report = json(run);

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode released = report.path("released").get(0);
        assertThat(released.path("copies").asInt()).isEqualTo(3);
        assertThat(released.path("colorMode").asString()).isEqualTo("MONOCHROME");
        JsonNode outcome = report.path("printed").get(0).path("outcome");
        assertThat(outcome.path("pagesPrinted").asInt()).isEqualTo(6);
        assertThat(outcome.path("monochromePages").asInt()).isEqualTo(6);
        assertThat(outcome.path("sheetsDuplex").asBoolean()).isTrue();
        assertThat(outcome.path("message").asString()).contains("discarded");
        assertThat(tenant.job(job).path("state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aJobThePrinterRefusesIsReportedFailedAndWaitsHeldForAnotherTry() throws Exception {
        Path state = registered();
        String job = tenant.user().submit(TestPdf.write(dir.resolve("refused.pdf"), 1), "?name=Refused");
        try (LanPrinter jpegOnly = LanPrinter.start("image/jpeg")) {
            var run = simulate(state, "--pin", tenant.pin(), "--release", job, "--print-to", jpegOnly.uri().toString());

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode outcome = json(run).path("printed").get(0).path("outcome");
            assertThat(outcome.path("success").asBoolean()).isFalse();
            assertThat(outcome.path("message").asString()).contains("the printer refused");
            assertThat(jpegOnly.printed()).isEmpty();
        }
        assertThat(tenant.job(job).path("state").asString()).isEqualTo("HELD");
    }

    @Test
    void aPersonLogsInWithTheirCardOrTheirEmailAndPassword() throws Exception {
        Path state = registered();
        String card = "04" + Long.toHexString(System.nanoTime()).toUpperCase();
        tenant.user().post("/api/v1/me/cards", "{\"number\":\"" + card + "\",\"label\":\"badge\"}");
        Path passwordFile = Files.writeString(dir.resolve("password"), tenant.userPassword() + "\n");

        var byCard = simulate(state, "--card", card);
        var byPassword = simulate(state, "--email", tenant.userEmail(), "--password-file", passwordFile.toString());

        for (var run : List.of(byCard, byPassword)) {
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(json(run).path("person").asString()).isNotBlank();
            assertThat(json(run).path("loggedOut").asBoolean()).isTrue();
        }
        assertThat(byPassword.all()).doesNotContain(tenant.userPassword());
    }

    @Test
    void jobsReleasedToTheDeviceFromThePortalArePrintedWithPending() throws Exception {
        Path state = registered();
        String deviceId = json(simulate(state)).path("deviceId").asString();
        String job = tenant.user().submit(TestPdf.write(dir.resolve("portal.pdf"), 1), "?name=From%20the%20portal");
        tenant.user().post("/api/v1/devices/" + deviceId + "/releases", "{\"jobIds\":[\"" + job + "\"]}");

        var run = simulate(state, "--pending");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(ids(json(run).path("printed"), "jobId")).containsExactly(job);
        assertThat(tenant.job(job).path("state").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aWrongPinIsRefusedWithoutSayingWhatWasWrong() throws Exception {
        Path state = registered();
        String wrong = tenant.pin().equals("000000") ? "000001" : "000000";

        var run = simulate(state, "--pin", wrong);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(json(run).path("loginError").asString()).isEqualTo("login refused (wrong PIN, card or password)");
        assertThat(run.all()).doesNotContain(tenant.pin());
    }

    private Path registered() throws Exception {
        Path state = dir.resolve("registered");
        var run = simulate(state, "--activation-code", tenant.activationCode());
        assertThat(run.exitCode()).as(run.all()).isZero();
        return state;
    }

    private static ClientJar.Run simulate(Path state, String... args) {
        var all = new ArrayList<>(List.of("device", "simulate", "--server", server.url().toString(),
                "--ca-cert", server.certificate().toString(), "--state-dir", state.toString(), "--json"));
        all.addAll(List.of(args));
        return ClientJar.run(Map.of(), all.toArray(String[]::new));
    }

    private static JsonNode json(ClientJar.Run run) {
        return JsonMapper.builder().build().readTree(run.out());
    }

    private static List<String> ids(JsonNode list, String field) {
        return list.valueStream().map(node -> node.path(field).asString()).toList();
    }

    private static int pagesOf(JsonNode report, String jobId) {
        return report.path("printed").valueStream().filter(p -> p.path("jobId").asString().equals(jobId)).findFirst()
                .orElseThrow().path("outcome").path("pagesPrinted").asInt();
    }
}
