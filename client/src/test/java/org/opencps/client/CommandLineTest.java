package org.opencps.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.device.DeviceMessages.Registered;
import org.opencps.client.device.DeviceState;
import org.opencps.client.testing.TestPdf;

/** The command line itself: what is a usage error (exit 2, nothing sent) and what the messages say. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>(Map.of("OPENCPS_SERVER", "http://127.0.0.1:9", "OPENCPS_TOKEN", "ocps_secret"));

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Opencps.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private String pdf(String name) {
        return TestPdf.write(dir.resolve(name), 1).toString();
    }

    @Test
    void withoutACommandOrWithAnUnknownOptionItIsAUsageError() {
        assertThat(run().code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("print", "--bogus", pdf("a.pdf")).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("print").err()).contains("Missing required parameter: 'FILE'");
        assertThat(run("--help").code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void contradictoryOrOutOfRangeTicketsAreUsageErrors() {
        String pdf = pdf("a.pdf");
        assertThat(run("print", "--color", "--monochrome", pdf)).satisfies(r -> usage(r, "--color and --monochrome exclude each other"));
        assertThat(run("print", "--duplex", "--simplex", pdf)).satisfies(r -> usage(r, "--duplex and --simplex exclude each other"));
        assertThat(run("print", "--copies", "0", pdf)).satisfies(r -> usage(r, "--copies must be between 1 and 999"));
        assertThat(run("print", "--copies", "1000", pdf)).satisfies(r -> usage(r, "--copies must be between 1 and 999"));
        assertThat(run("print", "--name", "Both", pdf, pdf("b.pdf"))).satisfies(r -> usage(r, "--name names one job"));
    }

    @Test
    void aMissingFileStopsEverythingBeforeAnythingIsSent() {
        var result = run("print", pdf("a.pdf"), dir.resolve("nope.pdf").toString());

        usage(result, "nope.pdf: no such readable file; nothing was sent");
        assertThat(result.err()).doesNotContain("cannot connect");
    }

    @Test
    void theTokenAndServerComeFromOptionsOrTheEnvironmentAndTheTokenIsNeverShown() throws Exception {
        String pdf = pdf("a.pdf");
        env.remove("OPENCPS_TOKEN");
        usage(run("print", pdf), "no API token");
        usage(run("print", "--token", "ocps_bad\u0007token", pdf), "holds characters no token has");
        assertThat(run("print", "--token", "ocps_bad\u0007token", pdf).err()).doesNotContain("ocps_bad");

        Path tokenFile = Files.writeString(dir.resolve("token"), "ocps_from_a_file\n");
        var viaFile = run("print", "--token-file", tokenFile.toString(), pdf);
        assertThat(viaFile.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(viaFile.err()).contains("cannot connect to 127.0.0.1:9").doesNotContain("ocps_from_a_file");

        env.remove("OPENCPS_SERVER");
        usage(run("print", "--token-file", tokenFile.toString(), pdf), "which server?");
        usage(run("print", "--server", "ftp://example.org", "--token-file", tokenFile.toString(), pdf), "must start with https://");
        var withPassword = run("print", "--server", "https://me:hunter2@example.org", "--token-file", tokenFile.toString(), pdf);
        usage(withPassword, "must not hold a user name or password");
        assertThat(withPassword.err()).doesNotContain("hunter2");
    }

    @Test
    void theSimulatorChecksItsOptionsBeforeTouchingTheServer() {
        String state = dir.resolve("sim").toString();
        usage(run("device", "simulate", "--state-dir", state, "--release", "all"), "--release needs a person logged in");
        usage(run("device", "simulate", "--state-dir", state, "--pin", "1234", "--copies", "2"), "apply to --release");
        usage(run("device", "simulate", "--state-dir", state, "--pin", "1234", "--release", "not-a-job"), "not a job id: not-a-job");
        usage(run("device", "simulate", "--state-dir", state, "--pin", "1234", "--release", "all,0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"),
                "\"all\" or job ids");
        usage(run("device", "simulate", "--state-dir", state, "--security", "bogus=true"), "unknown setting bogus");
        usage(run("device", "simulate", "--state-dir", state, "--print-to", "http://printer/ipp"), "--print-to takes a printer URI: ipp://");
        assertThat(run("device", "simulate", "--state-dir", state, "--pin", "1", "--card", "2").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("device", "simulate", "--state-dir", state, "--email", "a@example.org").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("device").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDeviceNotYetRegisteredNeedsAnActivationCodeAndAServer() {
        String state = dir.resolve("sim").toString();
        usage(run("device", "simulate", "--state-dir", state, "--heartbeat"), "give --activation-code CODE");
        env.remove("OPENCPS_SERVER");
        usage(run("device", "simulate", "--state-dir", state, "--activation-code", "ABC"), "give --server URL");
    }

    @Test
    void aStateFolderStaysWithTheServerItRegisteredWith() throws Exception {
        Path state = dir.resolve("registered");
        try (var device = DeviceState.open(state)) {
            device.saveRegistration(URI.create("https://a.example.org"), "PRINTER",
                    new Registered("3f6c1b2a-8d4e-4f5a-9b6c-7d8e9f0a1b2c", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "ocpsd_secret"));
        }

        var result = run("device", "simulate", "--state-dir", state.toString(), "--server", "https://b.example.org", "--heartbeat");

        usage(result, "is registered with https://a.example.org, not https://b.example.org");
        assertThat(result.err()).doesNotContain("ocpsd_secret");
    }

    @Test
    void theAgentNeedsIppPrintersAndSensibleIntervals() {
        String state = dir.resolve("agent").toString();
        assertThat(run("agent", "--state-dir", state).err()).contains("Missing required option: '--printer=URI'");
        usage(run("agent", "--state-dir", state, "--printer", "http://printer.lan/ipp/print"), "--printer takes a printer URI: ipp://");
        assertThat(run("agent", "--state-dir", state, "--printer", "ipp://p/ipp", "--poll-interval", "0s").err())
                .contains("a duration must be more than zero");
        assertThat(run("agent", "--state-dir", state, "--printer", "ipp://p/ipp", "--job-timeout", "soon").err())
                .contains("not a duration");
    }

    private static void usage(Result result, String message) {
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(message);
    }
}
