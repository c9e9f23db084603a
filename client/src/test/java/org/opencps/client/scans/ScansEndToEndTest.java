package org.opencps.client.scans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.testing.ClientJar;
import org.opencps.client.testing.ServerUnderTest;
import org.opencps.client.testing.SharedServer;
import org.opencps.client.testing.Tenant;
import org.opencps.client.testing.TestPdf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar against the real server over HTTPS: {@code device simulate --scan} uploads as a
 * printer's scanner would and waits for the delivery; {@code scans list} and {@code scans get}
 * show and download the person's own scans with their API token.
 */
@ExtendWith(SharedServer.class)
class ScansEndToEndTest {

    private static ServerUnderTest server;
    private static Tenant tenant;

    @TempDir
    Path dir;

    @BeforeAll
    static void aPersonWithAPinAndAToken(ServerUnderTest shared) throws Exception {
        server = shared;
        tenant = Tenant.create(server, "Scan customer");
    }

    @Test
    void aSimulatedDeviceScansToMyScansAndThePersonListsAndDownloadsThem() throws Exception {
        Path contract = TestPdf.write(dir.resolve("contract.pdf"), 3);
        Path memo = TestPdf.write(dir.resolve("memo.pdf"), 2);

        var scanned = simulate(dir.resolve("device"), "--activation-code", tenant.activationCode(), "--pin", tenant.pin(),
                "--scan", contract.toString(), memo.toString(), "--to", "me");

        assertThat(scanned.exitCode()).as(scanned.all()).isZero();
        JsonNode scans = json(scanned).path("scans");
        assertThat(scans.valueStream().map(s -> s.path("state").asString()).toList()).containsExactly("DELIVERED", "DELIVERED");
        assertThat(scans.valueStream().map(s -> s.path("pages").asInt()).toList()).containsExactly(3, 2);
        String contractId = scans.get(0).path("scanId").asString();
        String memoId = scans.get(1).path("scanId").asString();

        var listed = scans(Map.of("OPENCPS_TOKEN", tenant.token()), "list", "--json");
        assertThat(listed.exitCode()).as(listed.all()).isZero();
        assertThat(json(listed).valueStream().map(s -> s.path("id").asString()).toList()).containsExactlyInAnyOrder(contractId, memoId);
        var plain = scans(Map.of("OPENCPS_TOKEN", tenant.token()), "list");
        assertThat(plain.out()).contains(contractId).contains("DELIVERED").contains("3 pages");

        Path downloaded = dir.resolve("downloaded.pdf");
        var got = scans(Map.of("OPENCPS_TOKEN", tenant.token()), "get", contractId, "--output", downloaded.toString());
        assertThat(got.exitCode()).as(got.all()).isZero();
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(contract));
        assertThat(got.all()).doesNotContain(tenant.token());

        Path nothing = dir.resolve("nothing.pdf");
        var unknown = scans(Map.of("OPENCPS_TOKEN", tenant.token()), "get", UUID.randomUUID().toString(), "--output", nothing.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no such scan of yours");
        assertThat(nothing).doesNotExist();
        assertThat(scans(Map.of(), "list").exitCode()).as("no token").isEqualTo(2);
    }

    @Test
    void aScanToAnUnknownWorkflowIsRefusedAndTheRunFails() throws Exception {
        Path page = TestPdf.write(dir.resolve("page.pdf"), 1);

        var run = simulate(dir.resolve("device"), "--activation-code", tenant.activationCode(), "--pin", tenant.pin(),
                "--scan", page.toString(), "--to", "workflow:No such workflow");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        JsonNode scan = json(run).path("scans").get(0);
        assertThat(scan.path("scanId").isMissingNode() || scan.path("scanId").isNull()).isTrue();
        assertThat(scan.path("error").asString()).isNotBlank();
        assertThat(run.err()).contains("scan refused");
        assertThat(simulate(dir.resolve("other"), "--scan", page.toString()).exitCode()).as("--scan without a login").isEqualTo(2);
    }

    private static ClientJar.Run simulate(Path state, String... args) {
        var all = new ArrayList<>(List.of("device", "simulate", "--server", server.url().toString(),
                "--ca-cert", server.certificate().toString(), "--state-dir", state.toString(), "--json"));
        all.addAll(List.of(args));
        return ClientJar.run(Map.of(), all.toArray(String[]::new));
    }

    private static ClientJar.Run scans(Map<String, String> env, String command, String... args) {
        var all = new ArrayList<>(List.of("scans", command, "--server", server.url().toString(), "--ca-cert",
                server.certificate().toString()));
        all.addAll(List.of(args));
        return ClientJar.run(env, all.toArray(String[]::new));
    }

    private static JsonNode json(ClientJar.Run run) {
        return JsonMapper.builder().build().readTree(run.out());
    }
}
