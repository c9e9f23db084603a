package org.opencps.client.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.testing.ClientJar;
import org.opencps.client.testing.Rest;
import org.opencps.client.testing.ServerUnderTest;
import org.opencps.client.testing.SharedServer;
import org.opencps.client.testing.Tenant;
import org.opencps.client.testing.TestPdf;
import org.opencps.client.testing.Tools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code opencps print}, the packaged jar, against the real server over HTTPS. */
@ExtendWith(SharedServer.class)
class PrintEndToEndTest {

    private static Rest person;
    private static String token;
    private static ServerUnderTest server;

    @TempDir
    Path files;

    @BeforeAll
    static void aPersonWithAToken(ServerUnderTest shared) throws Exception {
        server = shared;
        Tenant tenant = Tenant.create(server, "Print customer");
        person = tenant.user();
        token = tenant.token();
    }

    @Test
    void submitsAFileAsAHeldJobWithItsCountedPagesAndTheTicketAskedFor() throws Exception {
        Path pdf = TestPdf.write(files.resolve("report.pdf"), 3);

        var run = print(Map.of("OPENCPS_TOKEN", token), "--copies", "2", "--duplex", "--monochrome", "--name", "Quarterly report", pdf.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        String id = run.out().replaceAll("(?s).*job ([0-9a-f-]{36}) held, 3 pages.*", "$1");
        JsonNode job = person.get("/api/v1/jobs/" + id);
        assertThat(job.path("state").asString()).isEqualTo("HELD");
        assertThat(job.path("pages").asInt()).isEqualTo(3);
        assertThat(job.path("copies").asInt()).isEqualTo(2);
        assertThat(job.path("sides").asString()).isEqualTo("TWO_SIDED_LONG_EDGE");
        assertThat(job.path("colorMode").asString()).isEqualTo("MONOCHROME");
        assertThat(job.path("name").asString()).isEqualTo("Quarterly report");
        assertThat(run.all()).doesNotContain(token);
    }

    @Test
    void submitsEveryFileAndWritesThemAsJsonNamedAfterTheirFiles() throws Exception {
        Path one = TestPdf.write(files.resolve("one.pdf"), 1);
        Path two = TestPdf.write(files.resolve("two-pages"), 2);

        var run = print(Map.of("OPENCPS_TOKEN", token), "--json", one.toString(), two.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode results = JsonMapper.builder().build().readTree(run.out());
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).path("job").path("pages").asInt()).isEqualTo(1);
        assertThat(results.get(1).path("job").path("pages").asInt()).as("recognized by its first bytes").isEqualTo(2);
        for (JsonNode result : results) {
            JsonNode job = person.get("/api/v1/jobs/" + result.path("job").path("id").asString());
            assertThat(job.path("state").asString()).isEqualTo("HELD");
        }
        assertThat(results.get(1).path("job").path("name").asString()).isEqualTo("two-pages");
    }

    @Test
    void streamsALargeFileThroughASmallHeap() throws Exception {
        Path big = TestPdf.write(files.resolve("big.pdf"), 2, 96L * 1024 * 1024);

        var run = print(Map.of("OPENCPS_TOKEN", token, "JAVA_TOOL_OPTIONS", "-Xmx24m"), big.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("held, 2 pages");
    }

    @Test
    void aRejectedTokenIsSaidSoNeverShownAndTheOtherFilesAreNotSent() throws Exception {
        Path one = TestPdf.write(files.resolve("a.pdf"), 1);
        Path two = TestPdf.write(files.resolve("b.pdf"), 1);
        String wrong = "ocps_" + "x".repeat(43);
        int before = person.list("/api/v1/jobs").size();

        var run = print(Map.of(), "--token", wrong, one.toString(), two.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("a.pdf: token rejected").contains("b.pdf: not sent: token rejected");
        assertThat(run.all()).doesNotContain(wrong);
        assertThat(person.list("/api/v1/jobs")).hasSize(before);
    }

    @Test
    void aDocumentTheServerRefusesShowsTheServersReason() throws Exception {
        Path text = Files.writeString(files.resolve("notes.txt"), "just text, not a printable document\n");

        var run = print(Map.of("OPENCPS_TOKEN", token), text.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("notes.txt: the server answered 415").contains("unsupported document format");
    }

    @Test
    void aServerCertificateNotTrustedIsRefusedWithAHintAndNothingIsSent() throws Exception {
        Path pdf = TestPdf.write(files.resolve("c.pdf"), 1);
        int before = person.list("/api/v1/jobs").size();

        var run = ClientJar.run(Map.of("OPENCPS_TOKEN", token), "print", "--server", server.url().toString(), pdf.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("TLS with 127.0.0.1:" + server.url().getPort()).contains("--ca-cert");
        assertThat(person.list("/api/v1/jobs")).hasSize(before);
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidSo() {
        Path pdf = TestPdf.write(files.resolve("d.pdf"), 1);
        int port = Tools.freePort();

        var run = ClientJar.run(Map.of("OPENCPS_TOKEN", token, "OPENCPS_SERVER", "http://127.0.0.1:" + port), "print", pdf.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void aMissingFileIsAUsageErrorAndNothingIsSent() throws Exception {
        Path pdf = TestPdf.write(files.resolve("e.pdf"), 1);
        int before = person.list("/api/v1/jobs").size();

        var run = print(Map.of("OPENCPS_TOKEN", token), pdf.toString(), files.resolve("missing.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.pdf: no such readable file; nothing was sent");
        assertThat(person.list("/api/v1/jobs")).hasSize(before);
    }

    private ClientJar.Run print(Map<String, String> env, String... args) {
        var all = new java.util.ArrayList<>(List.of("print", "--server", server.url().toString(), "--ca-cert", server.certificate().toString()));
        all.addAll(List.of(args));
        return ClientJar.run(env, all.toArray(String[]::new));
    }
}
